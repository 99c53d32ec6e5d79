import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { getSource, listMergeCandidates } from "@/lib/data/source-library";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { SourceDetail } from "@/components/sources/source-detail";

export const metadata: Metadata = { title: "Source" };

type Props = { params: Promise<{ sourceId: string }>; searchParams: Promise<{ merge?: string; existing?: string }> };

export default async function SourcePage({ params, searchParams }: Props) {
  const { sourceId } = await params;
  const { merge = "", existing } = await searchParams;
  const actor = await requirePageActor("sources:read", `/sources/${sourceId}`);
  const source = await loadOrNotFound(getSource(actor, sourceId));
  // A merged duplicate lives on as its kept source.
  if (!("id" in source)) redirect(`/sources/${source.mergedIntoId}`);
  const canEdit = can(actor, "sources:write");
  const candidates = canEdit ? await listMergeCandidates(actor, sourceId, merge) : [];
  return (
    <>
      {existing === "upload" && (
        <p role="status" className="notice">
          This file was already in the library, as this source: one file, one source. The title and details you typed were not saved; edit them
          here if they should change.
        </p>
      )}
      <SourceDetail
        source={source}
        canEdit={canEdit}
        canRate={can(actor, "sources:rate")}
        mergeCandidates={candidates}
        mergeSearch={merge}
      />
    </>
  );
}
