import "server-only";
import { db } from "@/lib/db";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import { type ClaimView, claimSelect, toClaimView } from "@/lib/data/views";

/** The current view of some claims (deleted ones left out), in text order. */
export async function claimViews(maybeActor: Actor | null, claimIds: string[]): Promise<ClaimView[]> {
  requirePermission(maybeActor, "articles:read");
  if (claimIds.length === 0) return [];
  const rows = await db.claim.findMany({
    where: { id: { in: claimIds }, deletedAt: null },
    select: claimSelect,
    orderBy: [{ start: "asc" }, { end: "asc" }],
  });
  return rows.map(toClaimView);
}
