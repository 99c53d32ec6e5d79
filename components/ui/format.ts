const dateFormat = new Intl.DateTimeFormat("en-GB", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

/** A date for tables ("18 Mar 2025"), or an en dash when absent. */
export function formatDate(iso: string | null): string {
  return iso ? dateFormat.format(new Date(iso)) : "–";
}

/** A share as a whole percentage ("67%"). */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
