import { z } from "zod";
import { flagClaim } from "./summary";
import { articleExportSchema, JSON_EXPORT_FORMAT, type ArticleExport, type ExportHistoryEntry } from "./types";

// The lossless export. Key order is stable so two exports of the same data are byte-equal
// and diff well: objects follow the schema's field order (zod builds its output in shape
// order), and the free-form before/after values of history entries get sorted keys.
// Each claim also carries `flags`, the reasons it needs attention that the CSV and Markdown
// exports show (flagClaim). They are derived from the rest, so they are written but never
// read back: the schema leaves them out, and the next export computes them afresh.

const jsonExportSchema = z.object({ format: z.literal(JSON_EXPORT_FORMAT), ...articleExportSchema.shape });

/** Raised when a text is not a Claimtrack JSON export this version can read. */
export class ExportParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExportParseError";
  }
}

/** Serialises an article's export data as lossless, stable JSON with the format marker. */
export function toJsonExport(data: ArticleExport): string {
  const checked = jsonExportSchema.parse({ format: JSON_EXPORT_FORMAT, ...data });
  const stable = {
    ...checked,
    article: { ...checked.article, history: checked.article.history.map(sortEntry) },
    claims: checked.claims.map((c) => ({ ...c, history: c.history.map(sortEntry), flags: flagClaim(c) })),
  };
  return `${JSON.stringify(stable, null, 2)}\n`;
}

/** Reads a JSON export back into export data (derived `flags` dropped), validating it; throws ExportParseError otherwise. */
export function parseJsonExport(json: string): ArticleExport {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new ExportParseError(`Not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const format = typeof value === "object" && value !== null && "format" in value ? value.format : undefined;
  if (format !== JSON_EXPORT_FORMAT) {
    throw new ExportParseError(`Not a Claimtrack article export: format is ${JSON.stringify(format)}, expected "${JSON_EXPORT_FORMAT}"`);
  }
  const parsed = jsonExportSchema.safeParse(value);
  if (!parsed.success) throw new ExportParseError(`Invalid article export:\n${z.prettifyError(parsed.error)}`);
  const { format: _marker, ...data } = parsed.data;
  return data;
}

function sortEntry(entry: ExportHistoryEntry): ExportHistoryEntry {
  return { ...entry, before: sortKeys(entry.before), after: sortKeys(entry.after) };
}

type Json = ExportHistoryEntry["before"];

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const sorted: Record<string, Json> = {};
  for (const key of Object.keys(value).sort()) {
    const v = value[key];
    if (v !== undefined) sorted[key] = sortKeys(v);
  }
  return sorted;
}
