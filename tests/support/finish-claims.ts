import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { updateClaim } from "@/lib/data/claims";

/** Tags every untagged claim of the article "stated", as an editor does before approval can happen. */
export async function tagEveryClaim(actor: Actor, articleId: string): Promise<void> {
  const claims = await db.claim.findMany({ where: { articleId, deletedAt: null, tag: null }, select: { id: true, version: true } });
  for (const c of claims) await updateClaim(actor, c.id, { tag: "stated", version: c.version });
}
