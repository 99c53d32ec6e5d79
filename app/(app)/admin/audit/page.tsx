import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { listAuditEvents } from "@/lib/data/audit";
import { AuditLog } from "@/components/admin/audit-log";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<{ page?: string; action?: string }> };

export default async function AuditPage({ searchParams }: Props) {
  const actor = await requirePageActor("audit:read", "/admin/audit");
  const params = await searchParams;
  const result = await listAuditEvents(actor, { page: params.page ?? 1, action: params.action || undefined });
  return <AuditLog {...result} action={params.action ?? ""} />;
}
