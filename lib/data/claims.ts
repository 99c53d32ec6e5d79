import "server-only";
import { db } from "@/lib/db";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/data/audit";
import { updateClaimSchema } from "@/lib/schemas/claim";
import { type ClaimView, claimSelect, toClaimView } from "@/lib/data/views";

/** One claim as the API shows it. */
export async function getClaim(maybeActor: Actor | null, claimId: string): Promise<ClaimView & { articleId: string }> {
  requirePermission(maybeActor, "articles:read");
  const row = await db.claim.findFirst({
    where: { id: claimId, deletedAt: null },
    select: { ...claimSelect, articleId: true },
  });
  if (!row) throw notFound("Claim");
  return { ...toClaimView(row), articleId: row.articleId };
}

/**
 * Changes a claim's tag, speaker, cue or note. The caller names the version it read; if
 * someone saved since, nothing is written and a 409 carries the current claim, so that
 * no one silently overwrites a colleague.
 */
export async function updateClaim(maybeActor: Actor | null, claimId: string, input: unknown): Promise<ClaimView> {
  const actor = requirePermission(maybeActor, "articles:write");
  const { version, ...changes } = parseInput(updateClaimSchema, input);
  const updated = await db.$transaction(async (tx) => {
    const before = await tx.claim.findFirst({
      where: { id: claimId, deletedAt: null },
      select: { articleId: true, tag: true, speaker: true, cue: true, note: true, version: true },
    });
    if (!before) throw notFound("Claim");
    const tagChanged = changes.tag !== undefined && changes.tag !== before.tag;
    const result = await tx.claim.updateMany({
      where: { id: claimId, version },
      data: {
        ...changes,
        ...(tagChanged ? { taggedById: actor.id, taggedAt: new Date() } : {}),
        version: { increment: 1 },
      },
    });
    if (result.count === 0) return null;
    const { articleId, version: _v, ...old } = before;
    await recordEvent(tx, actor, {
      action: "claim.update",
      entityType: "claim",
      entityId: claimId,
      articleId,
      before: Object.fromEntries(Object.keys(changes).map((k) => [k, old[k as keyof typeof old]])),
      after: changes,
    });
    return true;
  });
  const current = await getClaim(actor, claimId);
  if (!updated) {
    throw new AppError(
      "conflict",
      `This claim was changed by someone else (you had version ${version}, it is now version ${current.version}). Review their change and save again.`,
      { details: { claim: current } },
    );
  }
  return current;
}
