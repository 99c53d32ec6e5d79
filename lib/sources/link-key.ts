/** The fields that tell one claim's links to one source apart. */
export type LinkWording = { relation: string; quote: string | null; locator: string | null };

/** Text compared as read: runs of white space are one space and the ends are trimmed; null is "". */
function asRead(text: string | null): string {
  return text === null ? "" : text.replace(/\s+/g, " ").trim();
}

/**
 * The key under which a claim cites a source once: its relation, quote and locator as
 * read, so "exports  fell " is the same quote as "exports fell". It is compared in
 * JavaScript rather than SQL, where SQLite has no regular expressions to collapse white
 * space with, so both databases agree; the quote is stored as typed.
 */
export function linkKey(link: LinkWording): string {
  return JSON.stringify([link.relation, asRead(link.quote), asRead(link.locator)]);
}

/** The links that repeat an earlier one in the list under `keyOf` (the first of each key stays). */
export function repeatedLinks<L>(links: readonly L[], keyOf: (link: L) => string): Set<L> {
  const seen = new Set<string>();
  const repeated = new Set<L>();
  for (const link of links) {
    const key = keyOf(link);
    if (seen.has(key)) repeated.add(link);
    else seen.add(key);
  }
  return repeated;
}
