import type { Metadata } from "next";
import { Suspense } from "react";
import { requirePageActor } from "@/lib/auth/session";
import { type Actor, can } from "@/lib/auth/roles";
import { getArticle, getArticleText } from "@/lib/data/articles";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { AnnotateWorkspace } from "@/components/annotate/workspace";
import { packClaims } from "@/lib/claim-wire";
import { ArticleLoading } from "@/components/annotate/article-loading";

type Props = { params: Promise<{ articleId: string }> };

export const metadata: Metadata = { title: "Annotate" };

// The text is sent first and painted at once; the claims (thousands, for a long article)
// stream in behind it and the workspace takes over when they arrive.
export default async function AnnotatePage({ params }: Props) {
  const { articleId } = await params;
  const actor = await requirePageActor("articles:read", `/articles/${articleId}`);
  const article = await loadOrNotFound(getArticleText(actor, articleId));
  return (
    <Suspense fallback={<ArticleLoading title={article.title} text={article.text} />}>
      <Workspace actor={actor} articleId={articleId} />
    </Suspense>
  );
}

async function Workspace({ actor, articleId }: { actor: Actor; articleId: string }) {
  // Loading thousands of claims keeps the CPU busy; yield once so the shell (the text) is
  // written to the socket first instead of after it.
  await new Promise((resolve) => setImmediate(resolve));
  const article = await loadOrNotFound(getArticle(actor, articleId));
  return (
    <AnnotateWorkspace
      article={{ ...article, claims: packClaims(article.revision.text, article.claims) }}
      canEdit={can(actor, "articles:write") && article.reviewState !== "approved"}
      viewerId={actor.id}
    />
  );
}
