import { z } from "zod";
import { type Lines, cleanTyped, httpUrl, isRealDay, isoDate, optionalText, pageNumber } from "../schemas/common";
import { sourceRelation } from "../schemas/source";
import { CREDIBILITY_LEVELS } from "./credibility";
import { isNonWebSourceUrl } from "./non-web";
import { SOURCE_TYPES } from "./source-type";

// The zod schemas for source records, shared by the forms, the server actions and the
// API. They live beside the source logic; lib/schemas/source.ts keeps the link schema
// the claims API has always taken, which linkSourceSchema extends.

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v);

/** A text field of an edit: absent leaves it, "" or null clears it. */
const editableText = (max: number, label: string, lines: Lines = "one") =>
  z.preprocess(
    (v) => blankToNull(typeof v === "string" ? cleanTyped(v, lines) : v),
    z.string().max(max, `${label} must be at most ${max} characters`).nullable().optional(),
  );

const dateMessage = (label: string) => `${label} must be a date such as 2025-03-18`;
/** A date field of an edit: absent leaves it, "" or null clears it. */
const editableDate = (label: string) =>
  z.preprocess(
    blankToNull,
    z
      .unknown()
      // Date parsing rolls 2025-02-30 over into March.
      .refine((v) => typeof v !== "string" || isRealDay(v), `${label} is not a real date`)
      .pipe(
        z.coerce
          .date({ error: dateMessage(label) })
          .refine((d) => d.getUTCFullYear() >= 1000 && d.getUTCFullYear() <= 9999, `${label} is out of range`),
      )
      .nullable()
      .optional(),
  );

export const sourceType = z.enum(SOURCE_TYPES, {
  error: () => `Type must be one of: ${SOURCE_TYPES.join(", ")}`,
});
export const credibilityLevel = z.enum(CREDIBILITY_LEVELS, {
  error: () => "Credibility must be reliable, mixed, unreliable or unknown",
});

/**
 * A source address: an http(s) URL (with the claims API's own messages), or the
 * claimtrack: identifier of an uploaded or offline source from the library.
 */
export const sourceAddress = z
  .string({ error: "URL is required" })
  .superRefine((value, ctx) => {
    if (/^\s*claimtrack:/i.test(value)) {
      if (!isNonWebSourceUrl(value))
        ctx.addIssue({ code: "custom", message: "Not a claimtrack: identifier from the source library" });
      return;
    }
    const result = httpUrl.safeParse(value);
    for (const issue of result.error?.issues ?? []) ctx.addIssue({ code: "custom", message: issue.message });
  })
  .transform((value) => value.trim());

/** A source linked to a claim: the claims API's fields plus locator and the details fetched from the page. */
export const linkSourceSchema = z
  .object({
    url: sourceAddress,
    title: optionalText(500, "Title"),
    relation: sourceRelation,
    quote: optionalText(5000, "Quote", "many"),
    locator: optionalText(200, "Locator"),
    publisher: optionalText(200, "Publisher"),
    author: optionalText(500, "Author"),
    publishedAt: isoDate,
    description: optionalText(5000, "Description", "many"),
    type: z.preprocess(blank, sourceType.optional()),
    /** The snapshot that "Fetch details" kept, to attach to the source. */
    snapshotId: z.preprocess(blank, z.string().max(64).optional()),
  })
  .strict();
export type LinkSourceInput = z.infer<typeof linkSourceSchema>;

/** An edit of a source's own fields (PATCH semantics: absent fields stay as they are). */
export const updateSourceSchema = z
  .object({
    title: editableText(500, "Title"),
    publisher: editableText(200, "Publisher"),
    author: editableText(500, "Author"),
    publishedAt: editableDate("Publication date"),
    description: editableText(5000, "Description", "many"),
    type: z.preprocess(blankToNull, sourceType.nullable().optional()),
    accessedAt: editableDate("Accessed date"),
    notes: editableText(10_000, "Notes", "many"),
    archiveUrl: z.preprocess(blankToNull, httpUrl.nullable().optional()),
  })
  .strict();
export type UpdateSourceInput = z.infer<typeof updateSourceSchema>;

/** A credibility rating with its note, for a source or a publisher domain. */
export const credibilitySchema = z.object({ rating: credibilityLevel, note: optionalText(2000, "Note", "many") }).strict();

export const domainRatingSchema = credibilitySchema.extend({
  domain: z.string({ error: "Domain is required" }).trim().min(1, "Domain is required").max(253, "Domain is too long"),
});

export const mergeSourceSchema = z
  .object({ intoId: z.string({ error: "Choose the source to keep" }).trim().min(1, "Choose the source to keep").max(64) })
  .strict();

export const HEALTH_FILTERS = ["ok", "redirected", "gone", "unreachable", "unchecked"] as const;
export type HealthFilter = (typeof HEALTH_FILTERS)[number];

export const listSourcesSchema = z.object({
  q: optionalText(200, "Search"),
  type: z.preprocess(blank, sourceType.optional()),
  health: z.preprocess(
    blank,
    z.enum(HEALTH_FILTERS, { error: () => `Health must be one of: ${HEALTH_FILTERS.join(", ")}` }).optional(),
  ),
  page: pageNumber(),
});

export const fetchDetailsSchema = z.object({ url: httpUrl }).strict();

/** A source without a web page: an uploaded document, or (no file) an interview or other record. */
export const nonWebSourceSchema = z.object({
  title: z
    .string({ error: "Title is required" })
    .trim()
    .min(1, "Title is required")
    .max(500, "Title must be at most 500 characters"),
  type: z.preprocess(blank, sourceType.optional()),
  author: optionalText(500, "Author"),
  publishedAt: isoDate,
  notes: optionalText(10_000, "Notes", "many"),
});

/** An article to import from a web page: the URL, and metadata that overrides the page's. */
export const importFromUrlSchema = z.object({
  url: httpUrl,
  title: optionalText(500, "Title"),
  publisher: optionalText(200, "Publisher"),
  author: optionalText(200, "Author"),
  publishedAt: isoDate,
});
