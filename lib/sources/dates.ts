const DATE_ONLY = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const ISO_NO_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const HAS_ZONE = /(Z|GMT|UTC|[+-]\d{2}:?\d{2}|\b[ECMP][SD]T)\s*$/i;

/**
 * Reads a publication date as pages write it (ISO 8601 with or without offset, date only,
 * 2024/03/15, 20240315, RFC 2822, "March 15, 2024") into an ISO 8601 UTC string, or null.
 * Dates without a time zone are read as UTC, so the result never depends on the server's
 * zone; a bare year is refused rather than invented into a day.
 */
export function normalizeDate(input: string | null | undefined): string | null {
  const text = input?.trim();
  if (!text || text.length > 64) return null;
  const dateOnly = DATE_ONLY.exec(text) ?? COMPACT_DATE.exec(text);
  if (dateOnly) return fromParts(Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3]));
  if (ISO_NO_ZONE.test(text)) return checked(Date.parse(`${text.replace(" ", "T")}Z`));
  if (/^\d{1,4}$/.test(text)) return null;
  const parsed = Date.parse(text);
  if (Number.isNaN(parsed)) return null;
  // Date.parse reads zone-less free text ("March 15, 2024") as local time; shift it to UTC.
  return checked(HAS_ZONE.test(text) ? parsed : parsed - new Date(parsed).getTimezoneOffset() * 60_000);
}

function fromParts(year: number, month: number, day: number): string | null {
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  // Date.UTC rolls 2024-02-31 over into March; such a date is a typo, not a date.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return checked(time);
}

function checked(time: number): string | null {
  if (Number.isNaN(time)) return null;
  const year = new Date(time).getUTCFullYear();
  // Outside this window a "date" is a placeholder (0001-01-01) or a parsing accident.
  return year >= 1800 && year <= 2200 ? new Date(time).toISOString() : null;
}
