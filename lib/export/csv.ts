import { CLAIM_FLAG_LABELS, credibilityWords, flagClaim } from "./summary";
import { VERDICT_LABELS, type ArticleExport, type ExportClaim, type ExportSource } from "./types";

// One row per claim, for spreadsheets. RFC 4180: fields with a comma, a double quote, CR or
// LF are quoted, inner quotes doubled, records end with CRLF. The UTF-8 byte order mark is
// there because Excel otherwise reads the file in the system's legacy code page and garbles
// every non-ASCII character.

/** The byte order mark that makes spreadsheet software read the file as UTF-8. */
export const UTF8_BOM = "\uFEFF";

export const CSV_COLUMNS = [
  "article_id",
  "article_title",
  "article_url",
  "claim_id",
  "start",
  "end",
  "claim",
  "tag",
  "speaker",
  "cue",
  "verdict",
  "verdict_label",
  "verdict_rationale",
  "verdict_by",
  "verdict_at",
  "note",
  "flags",
  "source_count",
  "sources",
  "source_urls",
  "tagged_by",
  "tagged_at",
  "updated_at",
] as const;

type Row = Record<(typeof CSV_COLUMNS)[number], string | number | null>;

/** Serialises an article's claims as CSV: header, one row per claim, BOM, CRLF. */
export function toCsvExport(data: ArticleExport): string {
  const lines = [CSV_COLUMNS.map(csvCell).join(",")];
  for (const claim of data.claims) {
    const row = toRow(data, claim);
    lines.push(CSV_COLUMNS.map((column) => csvCell(row[column])).join(","));
  }
  return `${UTF8_BOM}${lines.join("\r\n")}\r\n`;
}

/** One source as a readable line: "refutes: Title <https://…> (p. 3) “quote” [rated mixed]". */
export function formatSourceLine(source: ExportSource): string {
  const title = source.title ? `${source.title} ` : "";
  const locator = source.locator ? ` (${source.locator})` : "";
  const quote = source.quote ? ` “${source.quote}”` : "";
  const rating = source.credibility ? ` [${credibilityWords(source.credibility)}]` : "";
  return `${source.relation}: ${title}<${source.url}>${locator}${quote}${rating}`;
}

/**
 * Quotes one cell as RFC 4180 asks, after neutralising spreadsheet formulas.
 *
 * Intentional: a cell starting with = + - @ TAB or CR gets a leading single quote, as
 * OWASP's "CSV Injection" page recommends, so that a claim or quote such as
 * `=HYPERLINK("http://evil.example")` is shown as text and never run as a formula. The
 * price is a visible ' on such cells (a quote reading "-5%" exports as "'-5%"); numbers
 * that Claimtrack writes itself (offsets, counts) never start with those characters.
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function toRow(data: ArticleExport, claim: ExportClaim): Row {
  return {
    article_id: data.article.id,
    article_title: data.article.title,
    article_url: data.article.url,
    claim_id: claim.id,
    start: claim.start,
    end: claim.end,
    claim: claim.text,
    tag: claim.tag,
    speaker: claim.speaker,
    cue: claim.cue,
    verdict: claim.verdict,
    verdict_label: claim.verdict ? VERDICT_LABELS[claim.verdict] : null,
    verdict_rationale: claim.verdictRationale,
    verdict_by: claim.verdictBy,
    verdict_at: claim.verdictAt,
    note: claim.note,
    flags: flagClaim(claim)
      .map((f) => CLAIM_FLAG_LABELS[f])
      .join("; "),
    source_count: claim.sources.length,
    sources: claim.sources.map(formatSourceLine).join(" | "),
    source_urls: claim.sources.map((s) => s.url).join(" "),
    tagged_by: claim.taggedBy,
    tagged_at: claim.taggedAt,
    updated_at: claim.updatedAt,
  };
}
