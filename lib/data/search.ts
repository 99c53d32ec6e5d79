import "server-only";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import type { ClaimTag, Verdict } from "@/lib/schemas/claim";
import type { SourceRelation } from "@/lib/schemas/source";
import type { ReviewState } from "@/lib/export/types";
import { loadSpeakerAliases } from "@/lib/data/speakers";
import { normalizeSpeakerKey, type SpeakerAliasView } from "@/lib/claims/speaker-names";
import { databaseKind } from "@/lib/data/search-sql";
import { CLAIM_DATE_SQL, buildSearchSql, claimSearchSchema, type ClaimSearchFilters } from "@/lib/data/search-filters";

export { claimSearchSchema, type ClaimSearchFilters };

// The cross-article claim search behind /claims and GET /api/v1/claims: full text through
// the database's own index (lib/data/search-filters.ts), filters in the same statement,
// one page of hits at a time with the total. The figures beside it are in search-stats.ts.

export const SEARCH_PAGE_SIZE = 50;
/** Matches are counted up to this many; beyond it the total is reported as capped. */
export const COUNT_CAP = 10_000;

export type ClaimSearchSource = { url: string; title: string | null; relation: SourceRelation };

export type ClaimSearchHit = {
  id: string;
  articleId: string;
  articleTitle: string;
  articleDate: string;
  reviewState: ReviewState;
  text: string;
  tag: ClaimTag | null;
  speaker: string | null;
  cue: string | null;
  verdict: Verdict | null;
  verdictRationale: string | null;
  sources: ClaimSearchSource[];
};

export type ClaimSearchResult = {
  filters: ClaimSearchFilters;
  items: ClaimSearchHit[];
  /** The number of matches, at most COUNT_CAP (then isTotalCapped: there are more). */
  total: number;
  isTotalCapped: boolean;
  page: number;
  pageCount: number;
};

type HitRow = {
  id: string;
  articleId: string;
  articleTitle: string;
  articleDate: Date | string;
  reviewState: string;
  text: string;
  tag: string | null;
  speaker: string | null;
  cue: string | null;
  verdict: string | null;
  verdictRationale: string | null;
};

/** A COUNT(*) as a number, whichever way the driver returns it (PostgreSQL gives bigint). */
export function toCount(value: unknown): number {
  return typeof value === "bigint" ? Number(value) : typeof value === "number" ? value : Number(value ?? 0);
}

/** Dates from raw SQL: Date on PostgreSQL; on SQLite a Date or the stored ISO text. */
export function toIso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

/** The lowercase speaker spellings that the editors grouped with this speaker text. */
export function speakerVariants(speaker: string, aliases: readonly SpeakerAliasView[]): string[] {
  const key = normalizeSpeakerKey(speaker);
  const canonicalKey = normalizeSpeakerKey(aliases.find((a) => a.alias === key)?.canonical ?? speaker);
  const keys = new Set<string>([canonicalKey]);
  for (const a of aliases) if (normalizeSpeakerKey(a.canonical) === canonicalKey) keys.add(a.alias);
  keys.delete("");
  return [...keys];
}

/** Searches claims across all articles by text and filters, the best matches (or the newest) first. */
export async function searchClaims(maybeActor: Actor | null, input: unknown): Promise<ClaimSearchResult> {
  requirePermission(maybeActor, "articles:read");
  const filters = parseInput(claimSearchSchema, input);
  const kind = databaseKind();
  const variants = filters.speaker ? speakerVariants(filters.speaker, await loadSpeakerAliases()) : [];
  const sql = buildSearchSql(kind, filters, variants);
  const order = `${sql.rankSql ? `${sql.rankSql}, ` : ""}${CLAIM_DATE_SQL} DESC, c."articleId", c."start", c."id"`;
  const offset = (filters.page - 1) * SEARCH_PAGE_SIZE;
  // Counting stops at COUNT_CAP: past it the page says "more than 10,000", and a broad
  // search does not pay for counting every claim in the archive.
  const countSql = `SELECT count(*) AS n FROM (SELECT 1 FROM ${sql.from} WHERE ${sql.where} LIMIT ${COUNT_CAP + 1}) capped`;
  const pageSql =
    `SELECT c."id" AS "id", c."articleId" AS "articleId", a."title" AS "articleTitle", ${CLAIM_DATE_SQL} AS "articleDate",` +
    ` a."reviewState" AS "reviewState", c."text" AS "text", c."tag" AS "tag", c."speaker" AS "speaker", c."cue" AS "cue",` +
    ` c."verdict" AS "verdict", c."verdictRationale" AS "verdictRationale"` +
    ` FROM ${sql.from} WHERE ${sql.where} ORDER BY ${order} LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${offset}`;
  const countRows = await db.$queryRawUnsafe<{ n: unknown }[]>(countSql, ...sql.params.values);
  const rows = await db.$queryRawUnsafe<HitRow[]>(pageSql, ...sql.params.values);
  const counted = toCount(countRows[0]?.n);
  const total = Math.min(counted, COUNT_CAP);
  const links = await db.claimSource.findMany({
    where: { claimId: { in: rows.map((r) => r.id) } },
    orderBy: { createdAt: "asc" },
    select: { claimId: true, relation: true, source: { select: { url: true, title: true } } },
  });
  const sourcesOf = new Map<string, ClaimSearchSource[]>();
  for (const l of links) {
    sourcesOf.set(l.claimId, [
      ...(sourcesOf.get(l.claimId) ?? []),
      { url: l.source.url, title: l.source.title, relation: l.relation as SourceRelation },
    ]);
  }
  return {
    filters,
    total,
    isTotalCapped: counted > COUNT_CAP,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)),
    items: rows.map((r) => ({
      id: r.id,
      articleId: r.articleId,
      articleTitle: r.articleTitle,
      articleDate: toIso(r.articleDate),
      reviewState: r.reviewState as ReviewState,
      text: r.text,
      tag: r.tag as ClaimTag | null,
      speaker: r.speaker,
      cue: r.cue,
      verdict: r.verdict as Verdict | null,
      verdictRationale: r.verdictRationale,
      sources: sourcesOf.get(r.id) ?? [],
    })),
  };
}
