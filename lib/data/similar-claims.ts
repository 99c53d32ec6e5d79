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

/** Candidate claims from other articles sharing the text's distinctive words, by full-text rank. */
export async function findCandidates(text: string, excludeArticleId: string, limit = CANDIDATES): Promise<Candidate[]> {
  const words = distinctiveWords(text);
  if (words.length === 0) return [];
  const kind = databaseKind();
  const params = new SqlParams(kind);
  const current = `c."revisionId" = (SELECT r."id" FROM "ArticleRevision" r WHERE r."articleId" = c."articleId" ORDER BY r."number" DESC LIMIT 1)`;
  if (kind === "sqlite") {
    const match = params.add(words.map((w) => `"${w}"`).join(" OR "));
    const other = params.add(excludeArticleId);
    return db.$queryRawUnsafe<Candidate[]>(
      `SELECT c."id" AS "id", c."text" AS "text" FROM claim_fts JOIN "Claim" c ON c.rowid = claim_fts.rowid
       WHERE claim_fts MATCH ${match} AND c."articleId" <> ${other} AND c."deletedAt" IS NULL AND ${current}
       ORDER BY bm25(claim_fts) LIMIT ${limit}`,
      ...params.values,
    );
  }
  const query = `websearch_to_tsquery('english', ${params.add(words.join(" or "))})`;
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
