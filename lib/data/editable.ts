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
