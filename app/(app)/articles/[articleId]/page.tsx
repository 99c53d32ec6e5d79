import type { Metadata } from "next";
import { Suspense } from "react";
import { requirePageActor } from "@/lib/auth/session";
import { type Actor, can } from "@/lib/auth/roles";
import { getArticle, getArticleText } from "@/lib/data/articles";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { AnnotateWorkspace } from "@/components/annotate/workspace";
import { ArticleLoading } from "@/components/annotate/article-loading";
import { packClaims } from "@/lib/claim-wire";

type Props = { params: Promise<{ articleId: string }> };

export const metadata: Metadata = { title: "Annotate" };

/**
 * Above this many characters of text the page streams: the text is sent first and painted
 * at once, and the claims (thousands, for a long article) follow behind it. A shorter
 * article renders in one pass: its claims cost little, and streaming would send the text
 * twice more (the placeholder, in the HTML and in the RSC payload). For 100 claims that
 * made the page 119 kB instead of 87, and 20.4 ms instead of 17.7 (BENCHMARKS.md "Load").
 */
const STREAM_ABOVE_CHARS = 50_000;

export default async function AnnotatePage({ params }: Props) {
  const { articleId } = await params;
  const actor = await requirePageActor("articles:read", `/articles/${articleId}`);
  const article = await loadOrNotFound(getArticleText(actor, articleId));
  if (article.text.length <= STREAM_ABOVE_CHARS) return <Workspace actor={actor} articleId={articleId} />;
  return (
    <Suspense fallback={<ArticleLoading title={article.title} text={article.text} />}>
      <Workspace actor={actor} articleId={articleId} streamed />
    </Suspense>
  );
}

async function Workspace({ actor, articleId, streamed = false }: { actor: Actor; articleId: string; streamed?: boolean }) {
  // Loading thousands of claims keeps the CPU busy; yield once so the shell (the text) is
  // written to the socket first instead of after it.
  if (streamed) await new Promise((resolve) => setImmediate(resolve));
  const article = await loadOrNotFound(getArticle(actor, articleId));
  return (
    <AnnotateWorkspace
      article={{ ...article, claims: packClaims(article.revision.text, article.claims) }}
      canEdit={can(actor, "articles:write") && article.reviewState !== "approved"}
      viewerId={actor.id}
    />
  );
}
