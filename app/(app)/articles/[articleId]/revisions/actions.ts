"use server";

import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { runAction } from "@/lib/action-result";
import { importRevision } from "@/lib/data/revisions";
import { readArticleFile, readPastedText } from "@/lib/text/import-file";
import { chosenFile } from "@/lib/import-form";

export type RevisionFormState = { message: string | null; fields: Record<string, string[]>; text: string };

/**
 * Imports a corrected text as the article's next revision: the uploaded file when one was
 * chosen ("instead of the text above": the box starts with the current text, so it is
 * never empty), else the text in the box.
 */
export async function importRevisionAction(articleId: string, _prev: RevisionFormState, form: FormData): Promise<RevisionFormState> {
  const actor = await getActor();
  const pasted = typeof form.get("text") === "string" ? String(form.get("text")) : "";
  const result = await runAction(async () => {
    const file = chosenFile(form);
    // Pasted HTML markup is read as an uploaded .html page would be.
    const text = file ? readArticleFile(file.name, new Uint8Array(await file.arrayBuffer())).text : readPastedText(pasted).text;
    return importRevision(actor, articleId, { text });
  });
  if (!result.ok) return { message: result.error.message, fields: result.error.fields ?? {}, text: pasted };
  redirect(`/articles/${articleId}/revisions/${result.value.revision.number}`);
}
