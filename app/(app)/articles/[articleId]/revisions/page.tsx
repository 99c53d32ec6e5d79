import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { getArticle } from "@/lib/data/articles";
import { listRevisions } from "@/lib/data/revisions";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { RevisionList } from "@/components/revisions/revision-list";

export const metadata: Metadata = { title: "Revisions" };

export default async function RevisionsPage({ params }: { params: Promise<{ articleId: string }> }) {
  const { articleId } = await params;
  const actor = await requirePageActor("articles:read", `/articles/${articleId}/revisions`);
  const article = await loadOrNotFound(getArticle(actor, articleId));
  const revisions = await listRevisions(actor, articleId);
  return <RevisionList article={{ id: article.id, title: article.title, text: article.revision.text }} revisions={revisions} canImport={can(actor, "articles:write") && article.reviewState !== "approved"} />;
}
