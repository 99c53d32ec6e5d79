"use server";

import { getActor } from "@/lib/auth/session";
import { runAction } from "@/lib/action-result";
import { acceptSuggestions, updateClaim } from "@/lib/data/claims";
import { addSourceToClaim, removeSourceFromClaim } from "@/lib/data/sources";

// Thin wrappers: the session gives the actor; lib/data validates input and checks roles.

/** Saves a claim's tag, speaker, cue or note against the version the editor read. */
export async function updateClaimAction(claimId: string, input: unknown) {
  const actor = await getActor();
  return runAction(() => updateClaim(actor, claimId, input));
}

/** Links a source to a claim. */
export async function addSourceAction(claimId: string, input: unknown) {
  const actor = await getActor();
  return runAction(() => addSourceToClaim(actor, claimId, input));
}

/** Unlinks a source from a claim. */
export async function removeSourceAction(linkId: string) {
  const actor = await getActor();
  return runAction(() => removeSourceFromClaim(actor, linkId));
}

/** Accepts every pending suggestion at or above minConfidence (0..1) as the editor's decision. */
export async function acceptSuggestionsAction(articleId: string, input: unknown) {
  const actor = await getActor();
  return runAction(() => acceptSuggestions(actor, articleId, input));
}
