import "server-only";
import { parseInput } from "@/lib/errors";
import { type Actor, can, requirePermission } from "@/lib/auth/roles";
import { updateClaim } from "@/lib/data/claims";
import type { ClaimView } from "@/lib/data/views";
import { updateClaimSchema } from "@/lib/schemas/claim";

// The verdict editor's write: only the verdict, its rationale and the version read, so a
// reviewer's form can never carry editorial fields. The write itself is updateClaim's
// (role check, read-only approved articles, optimistic concurrency, audit event).

export const setVerdictSchema = updateClaimSchema
  .pick({ verdict: true, verdictRationale: true, version: true })
  .strict()
  .refine((v) => v.verdict !== undefined || v.verdictRationale !== undefined, {
    message: "Choose a verdict or write a rationale",
    path: ["verdict"],
  });

/** Sets or clears a claim's fact-check verdict and rationale (reviewers and admins). */
export async function setClaimVerdict(maybeActor: Actor | null, claimId: string, input: unknown): Promise<ClaimView> {
  const actor = requirePermission(maybeActor, "claims:verdict");
  const data = parseInput(setVerdictSchema, input);
  return updateClaim(actor, claimId, data);
}

export type ViewerAbilities = { canEdit: boolean; canVerdict: boolean; canDecide: boolean; canComment: boolean };

/** What the signed-in person may do on an article's review: for showing the right controls. */
export function describeViewer(maybeActor: Actor | null): ViewerAbilities {
  const actor = requirePermission(maybeActor, "articles:read");
  return {
    canEdit: can(actor, "articles:write"),
    canVerdict: can(actor, "claims:verdict"),
    canDecide: can(actor, "review:decide"),
    canComment: can(actor, "comments:write"),
  };
}
