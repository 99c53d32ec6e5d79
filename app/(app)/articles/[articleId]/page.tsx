import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { getArticle } from "@/lib/data/articles";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { AnnotateWorkspace } from "@/components/annotate/workspace";

type Props = { params: Promise<{ articleId: string }> };

export const metadata: Metadata = { title: "Annotate" };

export default async function AnnotatePage({ params }: Props) {
  const { articleId } = await params;
  const actor = await requirePageActor("articles:read", `/articles/${articleId}`);
  const article = await loadOrNotFound(getArticle(actor, articleId));
  return <AnnotateWorkspace article={article} canEdit={can(actor, "articles:write") && article.reviewState !== "approved"} viewerId={actor.id} />;
}
