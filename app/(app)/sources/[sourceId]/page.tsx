import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { getSource, listMergeCandidates } from "@/lib/data/source-library";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { SourceDetail } from "@/components/sources/source-detail";

export const metadata: Metadata = { title: "Source" };

type Props = { params: Promise<{ sourceId: string }>; searchParams: Promise<{ merge?: string }> };

export default async function SourcePage({ params, searchParams }: Props) {
  const { sourceId } = await params;
  const { merge = "" } = await searchParams;
  const actor = await requirePageActor("sources:read", `/sources/${sourceId}`);
  const source = await loadOrNotFound(getSource(actor, sourceId));
  // A merged duplicate lives on as its kept source.
  if (!("id" in source)) redirect(`/sources/${source.mergedIntoId}`);
  const canEdit = can(actor, "sources:write");
  const candidates = canEdit ? await listMergeCandidates(actor, sourceId, merge) : [];
  return (
    <SourceDetail
      source={source}
      canEdit={canEdit}
      canRate={can(actor, "sources:rate")}
      mergeCandidates={candidates}
      mergeSearch={merge}
    />
  );
}
