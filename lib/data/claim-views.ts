import "server-only";
import { db } from "@/lib/db";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import { type ClaimRow, type ClaimView, citedDomains, toClaimView } from "@/lib/data/views";
import { selectClaimRows } from "@/lib/data/claim-rows";
import { domainRatingMap } from "@/lib/data/source-credibility";

/** The current view of some claims (deleted ones left out), in text order. */
export async function claimViews(maybeActor: Actor | null, claimIds: string[]): Promise<ClaimView[]> {
  requirePermission(maybeActor, "articles:read");
  if (claimIds.length === 0) return [];
  return toClaimViews(await selectClaimRows(db, { ids: claimIds }));
}

/** The views of claim rows (lib/data/claim-rows.ts), with their sources' credibility looked up in one query. */
export async function toClaimViews(rows: readonly ClaimRow[]): Promise<ClaimView[]> {
  const ratings = await domainRatingMap(db, rows.flatMap(citedDomains));
  return rows.map((row) => toClaimView(row, ratings));
}
