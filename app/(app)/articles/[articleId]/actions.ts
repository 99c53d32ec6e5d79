"use server";

import { getActor } from "@/lib/auth/session";
import { runAction } from "@/lib/action-result";
import { acceptSuggestions, updateClaim } from "@/lib/data/claims";
import { addSourceToClaim, removeSourceFromClaim } from "@/lib/data/sources";
import { adjustClaim, createClaim, deleteClaim, listDeletedClaims, mergeClaims, restoreClaim, splitClaim } from "@/lib/data/spans";
import { undoLastChange } from "@/lib/data/undo";
import { claimViews } from "@/lib/data/claim-views";
import { getArticle } from "@/lib/data/articles";
import { getArticleActivity, getClaimHistory } from "@/lib/data/history";

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

/** Creates a claim from a selection of the text. */
export async function createClaimAction(articleId: string, input: unknown) {
  const actor = await getActor();
  return runAction(() => createClaim(actor, articleId, input));
}

/** Splits a claim at an offset. */
export async function splitClaimAction(claimId: string, input: unknown) {
  const actor = await getActor();
  return runAction(() => splitClaim(actor, claimId, input));
}

/** Merges two claims. */
export async function mergeClaimsAction(input: unknown) {
  const actor = await getActor();
  return runAction(() => mergeClaims(actor, input));
}

/** Moves a claim's boundaries. */
export async function adjustClaimAction(claimId: string, input: unknown) {
  const actor = await getActor();
  return runAction(() => adjustClaim(actor, claimId, input));
}

/** Deletes a claim (it can be restored or the deletion undone). */
export async function deleteClaimAction(claimId: string, input: unknown) {
  const actor = await getActor();
  return runAction(() => deleteClaim(actor, claimId, input));
}

/** Restores a deleted claim. */
export async function restoreClaimAction(claimId: string) {
  const actor = await getActor();
  return runAction(() => restoreClaim(actor, claimId));
}

/** Undoes the editor's newest change on the article and returns the claims it touched. */
export async function undoAction(articleId: string) {
  const actor = await getActor();
  return runAction(async () => {
    const result = await undoLastChange(actor, articleId);
    return { message: result.message, claims: await claimViews(actor, result.claimIds), removedIds: result.removedIds };
  });
}

/** The current state of some claims (after a live update asked for a reload). */
export async function loadClaimsAction(articleId: string) {
  const actor = await getActor();
  return runAction(async () => (await getArticle(actor, articleId)).claims);
}

/** A claim's history, oldest first. */
export async function claimHistoryAction(claimId: string) {
  const actor = await getActor();
  return runAction(() => getClaimHistory(actor, claimId));
}

/** The article's activity feed and its deleted claims. */
export async function activityAction(articleId: string) {
  const actor = await getActor();
  return runAction(async () => ({ activity: await getArticleActivity(actor, articleId), deleted: await listDeletedClaims(actor, articleId) }));
}
