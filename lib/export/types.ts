import { z } from "zod";
import type { ClaimTag } from "../schemas/claim";
import type { SourceRelation } from "../schemas/source";
import { CREDIBILITY_LEVELS } from "../sources/credibility";

export type { ClaimTag, SourceRelation };

// The one input every export builder reads: plain, JSON-able data about one article.
// The data layer fills it; the builders here never touch the database. Field names live
// only in this file: the TypeScript types are inferred from the zod schema below.

/** The marker written into, and required from, the lossless JSON export. */
export const JSON_EXPORT_FORMAT = "claimtrack-article@1";

// Records keyed by the union, not plain arrays: the compiler then refuses a label table that
// misses a tag or relation of lib/schemas, or has one too many (they cannot drift apart).
export const CLAIM_TAG_LABELS: Record<ClaimTag, string> = {
  stated: "Stated",
  disputed: "Disputed",
  attributed: "Attributed",
};

export const SOURCE_RELATION_LABELS: Record<SourceRelation, string> = {
  supports: "Supports",
  refutes: "Refutes",
  context: "Context",
  origin: "Origin",
};

// The verdict scale lives with the claim schema; re-exported here for the builders.
export { VERDICTS, VERDICT_LABELS, type Verdict } from "../schemas/claim";
import { VERDICTS } from "../schemas/claim";

export const REVIEW_STATES = ["draft", "in_review", "approved", "changes_requested"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** The keys of a label table, as a non-empty tuple that z.enum accepts. */
function keysOf<K extends string>(labels: Record<K, string>): [K, ...K[]] {
  return Object.keys(labels) as [K, ...K[]];
}

/** An ISO 8601 date-time with an offset ("2025-03-18T09:30:00.000Z"), as toISOString gives. */
const dateTime = z.iso.datetime({ offset: true });

/** An absolute http(s) URL. */
const httpUrl = z.url({ protocol: /^https?$/ });

const offset = z.number().int().min(0);

export const exportSourceSchema = z.object({
  url: httpUrl,
  title: z.string().nullable(),
  publisher: z.string().nullable(),
  relation: z.enum(keysOf(SOURCE_RELATION_LABELS)),
  /** The passage of the source that bears on the claim. */
  quote: z.string().nullable(),
  /** Where in the source the quote is: "p. 4", "00:12:31", "para 7". */
  locator: z.string().nullable(),
  /**
   * The rating that applies to the source when exported: its own, or its publisher's
   * ("domain"); null when unrated. Absent from exports written before it was added.
   */
  credibility: z.object({ level: z.enum(CREDIBILITY_LEVELS), from: z.enum(["source", "domain"]) }).nullable().optional(),
});

export const exportCommentSchema = z.object({
  id: z.string().min(1),
  /** A display name, never an e-mail address: exports may leave the desk. */
  author: z.string(),
  body: z.string(),
  createdAt: dateTime,
  resolved: z.boolean(),
  get replies() {
    return z.array(exportCommentSchema);
  },
});

export const exportHistoryEntrySchema = z.object({
  at: dateTime,
  /** Display name of who did it; null for the system (import, re-anchoring). */
  actor: z.string().nullable(),
  action: z.string().min(1),
  before: z.json().nullable(),
  after: z.json().nullable(),
});

const exportClaimFields = z.object({
    id: z.string().min(1),
    /** UTF-16 code unit offsets into revision.text, half-open: text === revision.text.slice(start, end). */
    start: offset,
    end: offset,
    text: z.string(),
    prefix: z.string(),
    suffix: z.string(),
    tag: z.enum(keysOf(CLAIM_TAG_LABELS)).nullable(),
    speaker: z.string().nullable(),
    cue: z.string().nullable(),
    note: z.string().nullable(),
    verdict: z.enum(VERDICTS).nullable(),
    verdictRationale: z.string().nullable(),
    verdictBy: z.string().nullable(),
    verdictAt: dateTime.nullable(),
    taggedBy: z.string().nullable(),
    taggedAt: dateTime.nullable(),
    createdAt: dateTime,
    updatedAt: dateTime,
    sources: z.array(exportSourceSchema),
    comments: z.array(exportCommentSchema),
    history: z.array(exportHistoryEntrySchema),
    /**
     * "changed": a revision changed the claim's text and no one has re-read it since, so
     * its tag and verdict were given to previousText. Absent in older exports: anchored.
     */
    anchorStatus: z.enum(["anchored", "changed"]).default("anchored"),
    previousText: z.string().nullable().default(null),
});
const isStartNotAfterEnd = (c: { start: number; end: number }) => c.start <= c.end;
const START_AFTER_END = { message: "A claim's start must not be after its end", path: ["end"] };

export const exportClaimSchema = exportClaimFields.refine(isStartNotAfterEnd, START_AFTER_END);

/**
 * A claim a revision could not place: kept with everything it had, its offsets into the
 * text of the revision it was last on (`revision`), which the export does not carry.
 */
export const exportOrphanedClaimSchema = exportClaimFields
  .extend({ anchorStatus: z.literal("orphaned"), revision: z.number().int().min(1) })
  .refine(isStartNotAfterEnd, START_AFTER_END);

export const articleExportSchema = z.object({
  /** The site's public base URL ("https://claimtrack.example.org"); IRIs are built under it. */
  baseUrl: httpUrl,
  /** When the export was made; builders never read the clock, so equal input gives equal output. */
  exportedAt: dateTime,
  article: z.object({
    id: z.string().min(1),
    title: z.string(),
    url: httpUrl.nullable(),
    publisher: z.string().nullable(),
    author: z.string().nullable(),
    publishedAt: dateTime.nullable(),
    createdAt: dateTime,
    reviewState: z.enum(REVIEW_STATES),
    approvedAt: dateTime.nullable(),
    /** Article-level events: submitted, approved, changes requested, reopened. */
    history: z.array(exportHistoryEntrySchema),
  }),
  revision: z.object({
    number: z.number().int().min(1),
    text: z.string(),
  }),
  claims: z.array(exportClaimSchema),
  /** Claims no revision could place since (absent in older exports). */
  orphanedClaims: z.array(exportOrphanedClaimSchema).default([]),
});

export type ArticleExport = z.infer<typeof articleExportSchema>;
export type ExportClaim = z.infer<typeof exportClaimSchema>;
export type ExportOrphanedClaim = z.infer<typeof exportOrphanedClaimSchema>;
export type ExportSource = z.infer<typeof exportSourceSchema>;
export type ExportComment = z.infer<typeof exportCommentSchema>;
export type ExportHistoryEntry = z.infer<typeof exportHistoryEntrySchema>;
