"use server";

import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { runAction } from "@/lib/action-result";
import type { FieldErrors } from "@/lib/errors";
import { fetchSourceDetails } from "@/lib/data/source-fetch";
import { mergeSources, updateSource } from "@/lib/data/source-edit";
import { setDomainRating, setSourceCredibility } from "@/lib/data/source-credibility";
import { archiveSource, checkSourceLink } from "@/lib/data/source-health";
import { startLinkCheck } from "@/lib/data/source-check-job";
import { addNonWebSource } from "@/lib/data/source-uploads";
import { chosenFile } from "@/lib/import-form";

// Thin wrappers: the session gives the actor; lib/data validates input and checks roles.

/** Fetches a URL's page on the server and returns its details and the kept snapshot. */
export async function fetchSourceDetailsAction(input: unknown) {
  const actor = await getActor();
  return runAction(() => fetchSourceDetails(actor, input));
}

/** Saves a source's own fields. */
export async function updateSourceAction(sourceId: string, input: unknown) {
  const actor = await getActor();
  return runAction(() => updateSource(actor, sourceId, input));
}

/** Rates a source's credibility. */
export async function setSourceCredibilityAction(sourceId: string, input: unknown) {
  const actor = await getActor();
  return runAction(() => setSourceCredibility(actor, sourceId, input));
}

/** Rates a publisher domain's credibility. */
export async function setDomainRatingAction(input: unknown) {
  const actor = await getActor();
  return runAction(() => setDomainRating(actor, input));
}

/** Merges a duplicate source into the one to keep. */
export async function mergeSourcesAction(sourceId: string, input: unknown) {
  const actor = await getActor();
  return runAction(() => mergeSources(actor, sourceId, input));
}

/** Checks one source's link now. */
export async function checkSourceLinkAction(sourceId: string) {
  const actor = await getActor();
  return runAction(() => checkSourceLink(actor, sourceId));
}

/** Asks the Wayback Machine to save a source's page. */
export async function archiveSourceAction(sourceId: string) {
  const actor = await getActor();
  return runAction(() => archiveSource(actor, sourceId));
}

/** Starts (or resumes) checking every link, in the background; the page polls the job. */
export async function startLinkCheckAction() {
  const actor = await getActor();
  return runAction(() => startLinkCheck(actor, { runInBackground: true }));
}

export type NonWebFormState = { message: string | null; fields: FieldErrors };

/** Adds an uploaded document, or a source without a file, then opens its page. */
export async function addNonWebSourceAction(_prev: NonWebFormState, form: FormData): Promise<NonWebFormState> {
  const actor = await getActor();
  const text = (key: string) => {
    const v = form.get(key);
    return typeof v === "string" ? v : "";
  };
  const result = await runAction(async () => {
    const upload = chosenFile(form);
    const file = upload ? { name: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()), contentType: upload.type || null } : null;
    const input = {
      title: text("title"),
      type: text("type"),
      author: text("author"),
      publishedAt: text("publishedAt"),
      notes: text("notes"),
    };
    return addNonWebSource(actor, input, file);
  });
  if (!result.ok) return { message: result.error.message, fields: result.error.fields ?? {} };
  // The same bytes are one source: say so there, since what was typed was not saved.
  redirect(`/sources/${result.value.id}${result.value.isNew ? "" : "?existing=upload"}`);
}
