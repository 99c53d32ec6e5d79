import "server-only";
import { db } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import { asOneLine } from "@/lib/schemas/common";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import { importArticle } from "@/lib/data/articles";
import { recordEvent } from "@/lib/data/audit";
import { keepSnapshot, sourceFetchOptions } from "@/lib/data/source-fetch";
import type { ArticleView } from "@/lib/data/views";
import { fetchPage } from "@/lib/sources/fetch-page";
import { importFromUrlSchema } from "@/lib/sources/source-schemas";
import { canonicalizeUrl } from "@/lib/sources/url";
import { extractArticleFromHtml } from "@/lib/text/html";

/** Whether an API body asks for an import from a URL: it has a url and no text. */
export function isUrlImportRequest(body: unknown): boolean {
  return typeof body === "object" && body !== null && "url" in body && !("text" in body);
}

/**
 * Imports an article from a web page: fetches it with the locked-down fetcher, keeps its
 * snapshot, extracts the text with Readability and the metadata from the page (fields
 * given in the input win), and imports it as pasted text would be, with the URL as the
 * article's original address. A refused or failed fetch is a 422 naming the reason.
 */
export async function importArticleFromUrl(maybeActor: Actor | null, input: unknown): Promise<ArticleView> {
  // Checked before fetching: no one without the right may make the server fetch anything.
  const actor = requirePermission(maybeActor, "articles:write");
  const data = parseInput(importFromUrlSchema, input);
  const url = canonicalizeUrl(data.url);
  const page = await fetchPage(data.url, sourceFetchOptions());
  if (page.html === null) {
    throw new AppError(
      "validation_failed",
      `${data.url} is not a web page (${page.response.contentType ?? "unknown type"}): only HTML articles can be imported from a URL`,
      {
        fields: { url: ["Not an HTML page"] },
      },
    );
  }
  const extracted = extractArticleFromHtml(page.html, page.response.finalUrl);
  if (extracted.text.trim() === "") {
    throw new AppError("validation_failed", `The page at ${data.url} holds no article text`, {
      fields: { url: ["No article text on the page"] },
    });
  }
  const meta = page.metadata;
  const { snapshotId } = await keepSnapshot(page, url);
  // Page metadata can be longer than the article fields allow (ten authors): cut, never refuse.
  // Control and bidirectional characters, which a one-line field refuses, are taken out.
  const clip = (value: string | null | undefined, max: number) => (value && asOneLine(value) ? asOneLine(value).slice(0, max) : undefined);
  const article = await importArticle(actor, {
    title: data.title ?? clip(meta?.title ?? extracted.title, 500) ?? url,
    text: extracted.text,
    url,
    publisher: data.publisher ?? clip(meta?.siteName ?? extracted.publisher, 200),
    author: data.author ?? clip(meta?.author ?? extracted.author, 200),
    publishedAt: data.publishedAt ?? meta?.publishedAt ?? undefined,
  });
  await db.$transaction(async (tx) => {
    await tx.article.update({ where: { id: article.id }, data: { snapshotSha256: page.snapshot.sha256 } });
    await recordEvent(tx, actor, {
      action: "article.snapshot",
      entityType: "article",
      entityId: article.id,
      articleId: article.id,
      after: { url, finalUrl: page.response.finalUrl, sha256: page.snapshot.sha256, snapshotId },
    });
  });
  return article;
}
