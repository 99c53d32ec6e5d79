import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import { getRevisionDiff } from "@/lib/data/revisions";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { RevisionDiffView } from "@/components/revisions/revision-diff";

export const metadata: Metadata = { title: "Revision changes" };

type Props = { params: Promise<{ articleId: string; number: string }> };

export default async function RevisionDiffPage({ params }: Props) {
  const { articleId, number } = await params;
  const to = Number(number);
  if (!Number.isInteger(to) || to < 2) notFound();
  const actor = await requirePageActor("articles:read", `/articles/${articleId}/revisions/${number}`);
  const diff = await loadOrNotFound(getRevisionDiff(actor, articleId, to - 1));
  return <RevisionDiffView articleId={articleId} diff={diff} />;
}
