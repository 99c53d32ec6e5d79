import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/session";
import { getArticleText } from "@/lib/data/articles";
import { loadOrNotFound } from "@/lib/load-or-not-found";

export const metadata: Metadata = { title: "Article text" };

/** The article's current text alone: for reading and printing (and as bench:annotate's baseline). */
export default async function ArticleTextPage({ params }: { params: Promise<{ articleId: string }> }) {
  const { articleId } = await params;
  const actor = await requirePageActor("articles:read", `/articles/${articleId}/text`);
  const article = await loadOrNotFound(getArticleText(actor, articleId));
  return (
    <article className="reading">
      <p className="muted small">
        <Link href={`/articles/${articleId}`}>← Annotate</Link>
      </p>
      <h1>{article.title}</h1>
      <p className="muted small">Revision {article.revision}</p>
      <div className="article-text">{article.text}</div>
    </article>
  );
}
