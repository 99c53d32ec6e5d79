import "server-only";
import { type Tx, queryRows } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";

/** Refuses changes to an approved article: it is read-only until a reviewer reopens it. */
export async function assertArticleEditable(tx: Tx, articleId: string): Promise<void> {
  const [article] = await queryRows<{ reviewState: string }>(tx, `SELECT "reviewState" FROM "Article" WHERE "id" = ?`, articleId);
  if (!article) throw notFound("Article");
  assertEditableState(article.reviewState);
}

/** The same check when the caller already read the article's review state. */
export function assertEditableState(reviewState: string): void {
  if (reviewState === "approved") {
    throw new AppError("forbidden", "This article is approved and read-only; a reviewer must reopen it before it can change");
  }
}

/** The title of an approved article that cites the source, if any: its report shows the source's title and publisher. */
export async function approvedArticleCiting(tx: Tx, sourceId: string): Promise<string | null> {
  const [row] = await queryRows<{ title: string }>(
    tx,
    `SELECT a."title" FROM "Article" a
     WHERE a."reviewState" = 'approved' AND EXISTS (
       SELECT 1 FROM "Claim" c JOIN "ClaimSource" l ON l."claimId" = c."id"
       WHERE c."articleId" = a."id" AND c."deletedAt" IS NULL AND l."sourceId" = ?)
     LIMIT 1`,
    sourceId,
  );
  return row?.title ?? null;
}
