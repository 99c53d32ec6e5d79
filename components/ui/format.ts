const dateFormat = new Intl.DateTimeFormat("en-GB", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

/** A date for tables ("18 Mar 2025"), or an en dash when absent. */
export function formatDate(iso: string | null): string {
  return iso ? dateFormat.format(new Date(iso)) : "–";
}

/** A share as a whole percentage ("67%"). */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

const dateTimeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** A moment for audit lines ("27 Nov 2026, 03:40 UTC"). */
export function formatDateTime(iso: string): string {
  return `${dateTimeFormat.format(new Date(iso))} UTC`;
}

/** A count with its noun, singular for one ("1 claim", "3 claims"); `plural` for irregular nouns. */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString("en")} ${n === 1 ? noun : plural}`;
}
