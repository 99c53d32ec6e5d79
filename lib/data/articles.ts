import "server-only";
import crypto from "node:crypto";
import { containsText, db, queryRows } from "@/lib/db";
import { insertClaims } from "@/lib/data/claim-spans";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/data/audit";
import { splitClaims } from "@/lib/claims/split";
import { suggestTags } from "@/lib/claims/suggest";
import { importArticleSchema, listArticlesSchema } from "@/lib/schemas/article";
import { normalizeArticleText } from "@/lib/text/decode";
import {
  type ArticleMeta,
  type ArticleView,
  type TagCounts,
  CURRENT_CLAIM,
  articleMetaSelect,
  type ArticleRow,
  countTags,
  toArticleMeta,
} from "@/lib/data/views";
import { toClaimViews } from "@/lib/data/claim-views";
import { selectClaimRows } from "@/lib/data/claim-rows";

/** The most claims one article may hold: beyond it the annotate page and report stop being usable (and SQLite's bound-parameter limit is near). */
export const MAX_CLAIMS_PER_ARTICLE = 10_000;

/** Refuses, before anything is written, a text that would split into more claims than an article may hold. */
export function assertClaimLimit(count: number): void {
  if (count <= MAX_CLAIMS_PER_ARTICLE) return;
  const message = `This text splits into ${count.toLocaleString("en")} claims; an article holds at most ${MAX_CLAIMS_PER_ARTICLE.toLocaleString("en")}. Import it as several articles.`;
  throw new AppError("validation_failed", message, { fields: { text: [message] } });
}

/**
 * Imports an article: stores its text as revision 1 and splits it into claims with a
 * suggested tag each (never taken as the confirmed tag), all in one transaction, so an
 * import either lands whole or not at all.
 */
export async function importArticle(maybeActor: Actor | null, input: unknown): Promise<ArticleView> {
  const actor = requirePermission(maybeActor, "articles:write");
  const data = parseInput(importArticleSchema, input);
  const text = normalizeArticleText(data.text);
  const spans = splitClaims(text);
  assertClaimLimit(spans.length);
  const suggestions = suggestTags(text, spans);
  const userId = actor.id;
  if (userId === null) throw new Error("importArticle needs a user to own the article");

  const articleId = await db.$transaction(
    async (tx) => {
      const article = await tx.article.create({
        data: {
          title: data.title,
          url: data.url ?? null,
          publisher: data.publisher ?? null,
          author: data.author ?? null,
          publishedAt: data.publishedAt ?? null,
          createdById: userId,
        },
        select: { id: true },
      });
      const revision = await tx.articleRevision.create({
        data: {
          articleId: article.id,
          number: 1,
          text,
          textHash: crypto.createHash("sha256").update(text).digest("hex"),
          createdById: userId,
        },
        select: { id: true },
      });
      await insertClaims(tx, { articleId: article.id, revisionId: revision.id, text, spans, suggestions });
      await recordEvent(tx, actor, {
        action: "article.import",
        entityType: "article",
        entityId: article.id,
        articleId: article.id,
        after: { title: data.title, claims: spans.length, characters: text.length },
      });
      return article.id;
    },
    // A 2 MB article holds about 15,000 claims: allow more than the default 5 s.
    { timeout: 60_000, maxWait: 30_000 },
  );
  return getArticle(actor, articleId);
}

/** An article with its current revision's text and its claims in text order. */
export async function getArticle(maybeActor: Actor | null, articleId: string): Promise<ArticleView> {
  requirePermission(maybeActor, "articles:read");
  // Plain SQL, like the claims below (lib/data/claim-rows.ts): this is the hottest read.
  const [row] = await queryRows<ArticleRow & { revisionId: string; revisionNumber: number; revisionText: string }>(
    db,
    `SELECT a."id", a."title", a."url", a."publisher", a."author", a."publishedAt", a."createdAt", a."reviewState",
       r."id" AS "revisionId", r."number" AS "revisionNumber", r."text" AS "revisionText"
     FROM "Article" a JOIN "ArticleRevision" r ON r."articleId" = a."id"
     WHERE a."id" = ? ORDER BY r."number" DESC LIMIT 1`,
    articleId,
  );
  if (!row) throw notFound("Article");
  const { revisionId, revisionNumber, revisionText, ...meta } = row;
  const revision = { id: revisionId, number: revisionNumber, text: revisionText };
  const views = await toClaimViews(await selectClaimRows(db, { articleId, revisionId: revision.id }));
  const firstOrphaned = views.findIndex((v) => v.anchorStatus === "orphaned");
  const split = firstOrphaned === -1 ? views.length : firstOrphaned;
  return { ...toArticleMeta(meta), revision, claims: views.slice(0, split), orphaned: views.slice(split) };
}

export type ArticleListItem = ArticleMeta & { counts: TagCounts; total: number; tagged: number };

const PAGE_SIZE = 50;

/** Articles newest first, optionally filtered by a title search, with tag counts and progress. */
export async function listArticles(
  maybeActor: Actor | null,
  input: unknown = {},
): Promise<{ items: ArticleListItem[]; page: number; pageCount: number; total: number }> {
  requirePermission(maybeActor, "articles:read");
  const { q, page } = parseInput(listArticlesSchema, input);
  const where = q ? await containsText("Article", ["title"], q) : {};
  const [total, articles] = await Promise.all([
    db.article.count({ where }),
    db.article.findMany({
      where,
      select: articleMetaSelect,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
  ]);
  const groups = await db.claim.groupBy({
    by: ["articleId", "tag"],
    where: { articleId: { in: articles.map((a) => a.id) }, ...CURRENT_CLAIM },
    _count: { _all: true },
  });
  const items = articles.map((a) => {
    const counts: TagCounts = { stated: 0, disputed: 0, attributed: 0, untagged: 0 };
    for (const g of groups) {
      if (g.articleId === a.id) counts[(g.tag as keyof TagCounts | null) ?? "untagged"] += g._count._all;
    }
    const total = counts.stated + counts.disputed + counts.attributed + counts.untagged;
    return { ...toArticleMeta(a), counts, total, tagged: total - counts.untagged };
  });
  return { items, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), total };
}

export type ArticleReport = {
  article: ArticleMeta;
  counts: TagCounts;
  total: number;
  sourcedShare: number;
  unsourced: ArticleView["claims"];
  claims: ArticleView["claims"];
  /** Claims a revision could not place, kept on their old revision. */
  orphaned: ArticleView["orphaned"];
};

/** The claim report: counts per tag, the share of claims with a source, and every claim. */
export async function getArticleReport(maybeActor: Actor | null, articleId: string): Promise<ArticleReport> {
  const { revision: _revision, claims, orphaned, ...article } = await getArticle(maybeActor, articleId);
  const unsourced = claims.filter((c) => c.sources.length === 0);
  return {
    article,
    orphaned,
    counts: countTags(claims),
    total: claims.length,
    sourcedShare: claims.length === 0 ? 0 : (claims.length - unsourced.length) / claims.length,
    unsourced,
    claims,
  };
}

/** Just an article's title and current text (the reading view). */
export async function getArticleText(
  maybeActor: Actor | null,
  articleId: string,
): Promise<{ title: string; revision: number; text: string }> {
  requirePermission(maybeActor, "articles:read");
  // Plain SQL (lib/db.ts queryRows): the annotate page asks first, on every load.
  const [revision] = await queryRows<{ title: string; number: number; text: string }>(
    db,
    `SELECT a."title", r."number", r."text" FROM "ArticleRevision" r JOIN "Article" a ON a."id" = r."articleId"
     WHERE r."articleId" = ? ORDER BY r."number" DESC LIMIT 1`,
    articleId,
  );
  if (!revision) throw notFound("Article");
  return { title: revision.title, revision: revision.number, text: revision.text };
}
