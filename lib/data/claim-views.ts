import "server-only";
import { db } from "@/lib/db";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import { type ClaimRow, type ClaimView, citedDomains, claimSelect, toClaimView } from "@/lib/data/views";
import { domainRatingMap } from "@/lib/data/source-credibility";

/** The current view of some claims (deleted ones left out), in text order. */
export async function claimViews(maybeActor: Actor | null, claimIds: string[]): Promise<ClaimView[]> {
  requirePermission(maybeActor, "articles:read");
  if (claimIds.length === 0) return [];
  const rows = await db.claim.findMany({
    where: { id: { in: claimIds }, deletedAt: null },
    select: claimSelect,
    orderBy: [{ start: "asc" }, { end: "asc" }],
  });
  return toClaimViews(rows);
}

/** The views of claim rows selected with claimSelect, with their sources' credibility looked up in one query. */
export async function toClaimViews(rows: readonly ClaimRow[]): Promise<ClaimView[]> {
  const ratings = await domainRatingMap(db, rows.flatMap(citedDomains));
  return rows.map((row) => toClaimView(row, ratings));
}
