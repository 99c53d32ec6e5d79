import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { getFullReport } from "@/lib/data/report";
import { listShareLinks } from "@/lib/data/share";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { ClaimReport } from "@/components/report/claim-report";

type Props = { params: Promise<{ articleId: string }> };

export const metadata: Metadata = { title: "Claim report" };

export default async function ReportPage({ params }: Props) {
  const { articleId } = await params;
  const actor = await requirePageActor("articles:read", `/articles/${articleId}/report`);
  const report = await loadOrNotFound(getFullReport(actor, articleId));
  const canEdit = can(actor, "articles:write");
  const shareLinks = canEdit ? await listShareLinks(actor, articleId) : [];
  return <ClaimReport report={report} canEdit={canEdit} shareLinks={shareLinks} />;
}
