"use server";

import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { runAction } from "@/lib/action-result";
import { importRevision } from "@/lib/data/revisions";
import { readArticleFile } from "@/lib/text/import-file";
import { AppError } from "@/lib/errors";

export type RevisionFormState = { message: string | null; fields: Record<string, string[]>; text: string };

/** Imports a corrected text (pasted or uploaded) as the article's next revision. */
export async function importRevisionAction(articleId: string, _prev: RevisionFormState, form: FormData): Promise<RevisionFormState> {
  const actor = await getActor();
  const pasted = typeof form.get("text") === "string" ? String(form.get("text")) : "";
  const file = form.get("file");
  const result = await runAction(async () => {
    let text = pasted;
    if (file instanceof File && file.size > 0) {
      if (pasted.trim()) throw new AppError("validation_failed", "Either paste the text or upload a file, not both", { fields: { file: ["Clear the pasted text to upload a file"] } });
      text = readArticleFile(file.name, new Uint8Array(await file.arrayBuffer())).text;
    }
    return importRevision(actor, articleId, { text });
  });
  if (!result.ok) return { message: result.error.message, fields: result.error.fields ?? {}, text: pasted };
  redirect(`/articles/${articleId}/revisions/${result.value.revision.number}`);
}
