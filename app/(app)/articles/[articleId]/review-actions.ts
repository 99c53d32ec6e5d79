"use server";

import { getActor } from "@/lib/auth/session";
import { runAction } from "@/lib/action-result";
import { getReviewStatus, transitionArticle } from "@/lib/data/review";
import { addComment, countClaimComments, listComments, resolveComment } from "@/lib/data/comments";
import { describeViewer, setClaimVerdict } from "@/lib/data/review-verdicts";
import { findAlreadyChecked } from "@/lib/data/similar-claims";

// Thin wrappers for the review pieces of the annotate page: the session gives the actor;
// lib/data validates input and checks roles.

/** What the signed-in person may do here (edit, set verdicts, decide reviews, comment). */
export async function getViewerAction() {
  const actor = await getActor();
  return runAction(async () => describeViewer(actor));
}

/** The article's review state, history and the transitions allowed to this person. */
export async function getReviewStatusAction(articleId: string) {
  const actor = await getActor();
  return runAction(() => getReviewStatus(actor, articleId));
}

/** Submits, approves, requests changes on, or reopens an article. */
export async function transitionArticleAction(articleId: string, input: unknown) {
  const actor = await getActor();
  return runAction(() => transitionArticle(actor, articleId, input));
}

/** The comment threads of a claim ({claimId}) or of an article ({articleId, scope}). */
export async function listCommentsAction(input: unknown) {
  const actor = await getActor();
  return runAction(() => listComments(actor, input));
}

/** Adds a comment, or a reply to a thread. */
export async function addCommentAction(input: unknown) {
  const actor = await getActor();
  return runAction(() => addComment(actor, input));
}

/** Resolves a comment thread, or opens it again. */
export async function resolveCommentAction(commentId: string, input: unknown) {
  const actor = await getActor();
  return runAction(() => resolveComment(actor, commentId, input));
}

/** Comment thread counts for many claims at once (one request for a whole article). */
export async function commentCountsAction(claimIds: unknown) {
  const actor = await getActor();
  return runAction(() => countClaimComments(actor, claimIds));
}

/** Claims from other articles that say the same thing as this claim. */
export async function alreadyCheckedAction(claimId: string) {
  const actor = await getActor();
  return runAction(() => findAlreadyChecked(actor, claimId));
}

/** Sets a claim's verdict and rationale against the version the reviewer read. */
export async function setVerdictAction(claimId: string, input: unknown) {
  const actor = await getActor();
  return runAction(() => setClaimVerdict(actor, claimId, input));
}
