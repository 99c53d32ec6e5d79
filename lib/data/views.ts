import "server-only";
import type { ClaimTag, Verdict } from "@/lib/schemas/claim";
import type { SourceRelation } from "@/lib/schemas/source";
import { type EffectiveCredibility, effectiveCredibility } from "@/lib/sources/credibility";

// Plain objects that leave the data layer: what pages, actions and the API may see.
// Prisma rows never cross this line.

export type SpanText = { start: number; end: number; text: string };

export type SuggestionView = {
  tag: ClaimTag;
  confidence: number;
  reasons: string[];
  speaker: SpanText | null;
  cue: SpanText | null;
  splitAt: number | null;
};

export type SourceLinkView = {
  id: string;
  sourceId: string;
  url: string;
  title: string | null;
  relation: SourceRelation;
  quote: string | null;
  /** Where in the source: a page, a timestamp, a section. */
  locator?: string | null;
  /** The rating that applies (the source's own, else its publisher's); absent where not loaded. */
  credibility?: EffectiveCredibility;
};

export type ClaimView = {
  id: string;
  start: number;
  end: number;
  text: string;
  tag: ClaimTag | null;
  speaker: string | null;
  cue: string | null;
  note: string | null;
  version: number;
  suggestion: SuggestionView | null;
  taggedBy: string | null;
  taggedAt: string | null;
  /** "editor" when the tag was chosen by hand, "suggestion" when a suggestion was accepted. */
  tagOrigin: "editor" | "suggestion" | null;
  verdict: Verdict | null;
  verdictRationale: string | null;
  verdictBy: string | null;
  verdictAt: string | null;
  /** After a new revision: anchored (same text), changed (text differs) or orphaned. */
  anchorStatus: "anchored" | "changed" | "orphaned";
  /** The text on the previous revision, when it changed. */
  previousText: string | null;
  sources: SourceLinkView[];
};

export type ArticleMeta = {
  id: string;
  title: string;
  url: string | null;
  publisher: string | null;
  author: string | null;
  publishedAt: string | null;
  createdAt: string;
  /** draft | in_review | approved | changes_requested; approved articles are read-only. */
  reviewState: string;
};

export type ArticleView = ArticleMeta & {
  revision: { id: string; number: number; text: string };
  claims: ClaimView[];
  /** Claims that a new revision could not place: kept on their old revision, listed apart. */
  orphaned: ClaimView[];
};

export type TagCounts = Record<ClaimTag | "untagged", number>;

/** A claim row as lib/data/claim-rows.ts selects it, from which toClaimView builds a ClaimView. */
export type ClaimRow = {
  id: string;
  start: number;
  end: number;
  text: string;
  tag: string | null;
  speaker: string | null;
  cue: string | null;
  note: string | null;
  version: number;
  suggestedTag: string | null;
  suggestedConfidence: number | null;
  suggestion: string | null;
  taggedAt: Date | null;
  tagOrigin: string | null;
  taggedBy: { name: string } | null;
  verdict: string | null;
  verdictRationale: string | null;
  verdictAt: Date | null;
  verdictBy: { name: string } | null;
  anchorStatus: string;
  previousText: string | null;
  sources: {
    id: string;
    relation: string;
    quote: string | null;
    locator: string | null;
    source: { id: string; url: string; title: string | null; domain: string | null; credibility: string | null };
  }[];
};

/** The publisher domains a claim row cites, whose ratings toClaimView needs. */
export function citedDomains(row: ClaimRow): (string | null)[] {
  return row.sources.map((l) => l.source.domain);
}

/**
 * Builds the outward view of a claim row (lib/data/claim-rows.ts); `domainRatings`
 * (publisher ratings by domain, see lib/data/claim-views.ts) give each source link the
 * credibility that applies to it.
 */
export function toClaimView(row: ClaimRow, domainRatings: ReadonlyMap<string, string> = new Map()): ClaimView {
  let suggestion: SuggestionView | null = null;
  if (row.suggestedTag && row.suggestion) {
    const extra = JSON.parse(row.suggestion) as Omit<SuggestionView, "tag" | "confidence">;
    suggestion = { tag: row.suggestedTag as ClaimTag, confidence: row.suggestedConfidence ?? 0, ...extra };
  }
  return {
    id: row.id,
    start: row.start,
    end: row.end,
    text: row.text,
    tag: row.tag as ClaimTag | null,
    speaker: row.speaker,
    cue: row.cue,
    note: row.note,
    version: row.version,
    suggestion,
    taggedBy: row.taggedBy?.name ?? null,
    taggedAt: row.taggedAt?.toISOString() ?? null,
    tagOrigin: row.tagOrigin as ClaimView["tagOrigin"],
    verdict: row.verdict as Verdict | null,
    verdictRationale: row.verdictRationale,
    verdictBy: row.verdictBy?.name ?? null,
    verdictAt: row.verdictAt?.toISOString() ?? null,
    anchorStatus: row.anchorStatus as ClaimView["anchorStatus"],
    previousText: row.previousText,
    sources: row.sources.map((l) => ({
      id: l.id,
      sourceId: l.source.id,
      url: l.source.url,
      title: l.source.title,
      relation: l.relation as SourceRelation,
      quote: l.quote,
      locator: l.locator,
      credibility: effectiveCredibility(l.source.credibility, l.source.domain ? domainRatings.get(l.source.domain) : null),
    })),
  };
}

export type ArticleRow = {
  id: string;
  title: string;
  url: string | null;
  publisher: string | null;
  author: string | null;
  publishedAt: Date | null;
  createdAt: Date;
  reviewState: string;
};

export const articleMetaSelect = {
  id: true,
  title: true,
  url: true,
  publisher: true,
  author: true,
  publishedAt: true,
  createdAt: true,
  reviewState: true,
} as const;

/**
 * The claims an article holds now: not deleted, and not orphaned by a new revision (an
 * orphaned claim stays on its old revision, listed apart until an editor deals with it).
 */
export const CURRENT_CLAIM = { deletedAt: null, anchorStatus: { not: "orphaned" } } as const;

/** Builds the outward view of an article's metadata. */
export function toArticleMeta(row: ArticleRow): ArticleMeta {
  return {
    ...row,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Counts claims per tag, with "untagged" for claims without one. */
export function countTags(claims: { tag: string | null }[]): TagCounts {
  const counts: TagCounts = { stated: 0, disputed: 0, attributed: 0, untagged: 0 };
  for (const c of claims) counts[(c.tag as keyof TagCounts | null) ?? "untagged"] += 1;
  return counts;
}
