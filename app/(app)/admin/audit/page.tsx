import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { listAuditEvents } from "@/lib/data/audit";
import { AuditLog } from "@/components/admin/audit-log";
import { readPageQuery } from "@/lib/invalid-query";
import { InvalidQuery } from "@/components/ui/invalid-query";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<{ page?: string; action?: string }> };

export default async function AuditPage({ searchParams }: Props) {
  const actor = await requirePageActor("audit:read", "/admin/audit");
  const params = await searchParams;
  const result = await readPageQuery(() => listAuditEvents(actor, { page: params.page ?? 1, action: params.action || undefined }));
  if (!result.ok) return <InvalidQuery title="Audit log" message={result.message} plainHref="/admin/audit" />;
  return <AuditLog {...result.value} action={params.action ?? ""} />;
}
