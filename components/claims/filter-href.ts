/** The dashboard's filters as they arrive in the query string (every value a string). */
export type RawFilters = Record<string, string>;

/** A /claims address with the current filters, some replaced (an empty value drops the filter), back on page 1. */
export function filterHref(raw: RawFilters, changes: RawFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...raw, page: "", ...changes })) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `/claims?${query}` : "/claims";
}
