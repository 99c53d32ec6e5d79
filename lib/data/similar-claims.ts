import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import { rankSimilar, SIMILARITY_THRESHOLD } from "@/lib/claims/similar";
import type { ClaimTag, Verdict } from "@/lib/schemas/claim";
import type { SourceRelation } from "@/lib/schemas/source";
import type { ReviewState } from "@/lib/export/types";
import { databaseKind, distinctiveWords, SqlParams } from "@/lib/data/search-sql";

// "Already checked": claims from other articles that say the same thing as this one.
// The database's full-text index proposes candidates that share the claim's distinctive
// words (any of them, best ranked first); lib/claims/similar.ts then decides which say
// the same thing, which word overlap alone cannot (BENCHMARKS.md, "Already-checked").

/** Candidates read from the full-text index: the scorer is fast (about 0.1 ms each). */
const CANDIDATES = 80;
const MATCHES = 5;
/**
 * Distinctive words taken from the claim; their pairs (15 at most) make the full-text query.
 * Eight words (28 pairs) found 96 of the 101 labelled pairs the score accepts against 93 for
 * six, but took PostgreSQL up to 280 ms at 100,000 claims against 140 (BENCHMARKS.md).
 */
const PAIR_WORDS = 6;

export type AlreadyCheckedMatch = {
  claimId: string;
  articleId: string;
  articleTitle: string;
  reviewState: ReviewState;
  text: string;
  score: number;
  tag: ClaimTag | null;
  speaker: string | null;
  verdict: Verdict | null;
  verdictRationale: string | null;
  sources: { url: string; title: string | null; relation: SourceRelation; quote: string | null }[];
};

type Candidate = { id: string; text: string };

/**
 * The words' pairs, as full-text alternatives: a candidate must share at least two of the
 * claim's distinctive words (one, when the claim has only one or two). A claim that shares a
 * single word is never similar enough, and ranking every claim that shares any one word
 * costs hundreds of milliseconds in a large archive.
 */
function wordPairs(words: readonly string[]): string[][] {
  if (words.length < 3) return words.map((w) => [w]);
  const pairs: string[][] = [];
  for (let i = 0; i < words.length; i++) for (let j = i + 1; j < words.length; j++) pairs.push([words[i]!, words[j]!]);
  return pairs;
}

/** Candidate claims from other articles sharing the text's distinctive words, by full-text rank. */
export async function findCandidates(text: string, excludeArticleId: string, limit = CANDIDATES): Promise<Candidate[]> {
  const groups = wordPairs(distinctiveWords(text, PAIR_WORDS));
  if (groups.length === 0) return [];
  const kind = databaseKind();
  const params = new SqlParams(kind);
  // Orphaned claims are no longer in their article's text (see lib/data/search-filters.ts).
  const current = `c."anchorStatus" <> 'orphaned'`;
  if (kind === "sqlite") {
    const match = params.add(groups.map((g) => `(${g.map((w) => `"${w}"`).join(" AND ")})`).join(" OR "));
    const other = params.add(excludeArticleId);
    return db.$queryRawUnsafe<Candidate[]>(
      `SELECT c."id" AS "id", c."text" AS "text" FROM claim_fts JOIN "Claim" c ON c.rowid = claim_fts.rowid
       WHERE claim_fts MATCH ${match} AND c."articleId" <> ${other} AND c."deletedAt" IS NULL AND ${current}
       ORDER BY bm25(claim_fts) LIMIT ${limit}`,
      ...params.values,
    );
  }
  // to_tsquery syntax from letters and digits only (distinctiveWords), so nothing the user
  // wrote can act as an operator; folded as the index is (claimtrack_search_text).
  const query = `to_tsquery('english', claimtrack_search_text(${params.add(groups.map((g) => `(${g.join(" & ")})`).join(" | "))}))`;
  const other = params.add(excludeArticleId);
  return db.$queryRawUnsafe<Candidate[]>(
    `SELECT c."id" AS "id", c."text" AS "text" FROM "Claim" c
     WHERE c."search" @@ ${query} AND c."articleId" <> ${other} AND c."deletedAt" IS NULL AND ${current}
     ORDER BY ts_rank(c."search", ${query}) DESC LIMIT ${limit}`,
    ...params.values,
  );
}

/** Claims from other articles that say the same thing as this claim, most similar first. */
export async function findAlreadyChecked(maybeActor: Actor | null, claimId: string): Promise<AlreadyCheckedMatch[]> {
  requirePermission(maybeActor, "articles:read");
  const claim = await db.claim.findFirst({ where: { id: claimId, deletedAt: null }, select: { articleId: true, text: true } });
  if (!claim) throw notFound("Claim");
  const candidates = await findCandidates(claim.text, claim.articleId);
  const ranked = rankSimilar(claim.text, candidates, { limit: MATCHES, minScore: SIMILARITY_THRESHOLD });
  if (ranked.length === 0) return [];
  const rows = await db.claim.findMany({
    where: { id: { in: ranked.map((r) => r.id) } },
    select: {
      id: true,
      articleId: true,
      text: true,
      tag: true,
      speaker: true,
      verdict: true,
      verdictRationale: true,
      article: { select: { title: true, reviewState: true } },
      sources: {
        orderBy: { createdAt: "asc" },
        select: { relation: true, quote: true, source: { select: { url: true, title: true } } },
      },
    },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ranked.flatMap(({ id, score }) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        claimId: r.id,
        articleId: r.articleId,
        articleTitle: r.article.title,
        reviewState: r.article.reviewState as ReviewState,
        text: r.text,
        score,
        tag: r.tag as ClaimTag | null,
        speaker: r.speaker,
        verdict: r.verdict as Verdict | null,
        verdictRationale: r.verdictRationale,
        sources: r.sources.map((l) => ({
          url: l.source.url,
          title: l.source.title,
          relation: l.relation as SourceRelation,
          quote: l.quote,
        })),
      },
    ];
  });
}
