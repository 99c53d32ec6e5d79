import { z } from "zod";

/** The largest article text accepted, in UTF-8 bytes. */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;

const utf8Bytes = (s: string) => Buffer.byteLength(s, "utf8");

/** The message for a missing field or one of the wrong type: "Title is required" or "Title must be text". */
export const missingOrWrong =
  (label: string, kind = "text") =>
  (issue: { input?: unknown }) =>
    issue.input === undefined || issue.input === null ? `${label} is required` : `${label} must be ${kind}`;

/** Control characters no typed text holds: C0 but tab, line feed and carriage return; DEL; C1. */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** Whether a text field holds one line (a name, title or cue) or many (a note, comment or quote). */
export type Lines = "one" | "many";

/**
 * One line of text (a title, a name, a cue): control characters and runs of white space
 * (line breaks, tabs) become one space, and bidirectional controls go, since they make a
 * name display in another order than it reads (U+202E reverses what follows it) and
 * "Jane<TAB>Doe" would be another speaker than "Jane Doe". Trimmed.
 */
export function asOneLine(text: string): string {
  return text.replace(CONTROL_CHARS, " ").replace(BIDI_CONTROLS, "").replace(/\s+/g, " ").trim();
}

/**
 * Typed text made safe to store: a NUL cannot be stored on PostgreSQL at all, and other
 * control characters corrupt CSV and Markdown exports. Prose (many lines) loses only those;
 * a one-line field is made one line (asOneLine). The characters are invisible, so they are
 * taken out rather than refused: a user could not find them to remove them, and text
 * stored before this rule still saves when a form sends it back unchanged.
 */
export function cleanTyped(text: string, lines: Lines): string {
  return lines === "one" ? asOneLine(text) : text.replace(CONTROL_CHARS, "");
}

/** A trimmed optional text field, cleaned (cleanTyped): empty strings become undefined. */
export const optionalText = (max: number, label: string, lines: Lines = "one") =>
  z.preprocess(
    (v) => (typeof v === "string" ? cleanTyped(v, lines).trim() || undefined : v),
    z.string().max(max, `${label} must be at most ${max} characters`).optional(),
  );

/** An http(s) URL, as a string. Other schemes (javascript:, data:, file:) are refused. */
export const httpUrl = z
  .string({ error: missingOrWrong("URL") })
  .trim()
  .min(1, { error: "URL is required", abort: true })
  .max(2048, { error: "URL must be at most 2048 characters", abort: true })
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "";
    } catch {
      return false;
    }
  }, "URL must be an http:// or https:// address");

export const optionalHttpUrl = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  httpUrl.optional(),
);

/** Article text: not blank, at most MAX_TEXT_BYTES of UTF-8, no NUL characters. */
export const articleText = z
  .string({ error: missingOrWrong("Article text") })
  .refine((s) => s.trim().length > 0, "Article text is empty")
  .refine((s) => utf8Bytes(s) <= MAX_TEXT_BYTES, "Article text is larger than 2 MB")
  .refine((s) => !s.includes("\u0000"), "Article text contains NUL characters: it is not text");

/**
 * Whether a string that starts with a calendar day (YYYY-MM-DD) names a real one. Date
 * parsing rolls 2025-02-30 over into March; a real day reads back unchanged.
 */
export function isRealDay(value: string): boolean {
  const day = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim())?.[1];
  if (!day) return true;
  const time = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(day);
}

export const isoDate = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z
    .unknown()
    .refine((v) => typeof v !== "string" || isRealDay(v), "Publication date is not a real date")
    .pipe(
      z.coerce
        .date({ error: "Publication date must be a date such as 2025-03-18" })
        .refine((d) => d.getFullYear() >= 1000 && d.getFullYear() <= 9999, "Publication date is out of range")
        .optional(),
    ),
);

/** A list page's number from a query string: a whole number from 1 to `max`, 1 when absent. */
export const pageNumber = (max = 100_000) => {
  const message = `Page must be a whole number from 1 to ${max.toLocaleString("en-US")}`;
  return z.coerce.number({ error: message }).int(message).min(1, message).max(max, message).default(1);
};
