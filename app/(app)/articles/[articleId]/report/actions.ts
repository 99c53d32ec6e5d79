"use server";

import { getActor } from "@/lib/auth/session";
import { runAction } from "@/lib/action-result";
import { createShareLink, listShareLinks, revokeShareLink } from "@/lib/data/share";
import { groupSpeakerName, ungroupSpeakerName } from "@/lib/data/speakers";

// Thin wrappers for the report page's controls: share links and speaker groups.

/** Creates a read-only share link to the report; the token is shown once. */
export async function createShareLinkAction(articleId: string, input: unknown) {
  const actor = await getActor();
  return runAction(() => createShareLink(actor, articleId, input));
}

/** The article's share links (without their tokens). */
export async function listShareLinksAction(articleId: string) {
  const actor = await getActor();
  return runAction(() => listShareLinks(actor, articleId));
}

/** Revokes a share link at once. */
export async function revokeShareLinkAction(linkId: string) {
  const actor = await getActor();
  return runAction(() => revokeShareLink(actor, linkId));
}

/** Groups a speaker name under another name, for every article. */
export async function groupSpeakerAction(input: unknown) {
  const actor = await getActor();
  return runAction(() => groupSpeakerName(actor, input));
}

/** Takes a speaker name out of its group. */
export async function ungroupSpeakerAction(input: unknown) {
  const actor = await getActor();
  return runAction(() => ungroupSpeakerName(actor, input));
}
