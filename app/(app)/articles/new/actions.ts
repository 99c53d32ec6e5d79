"use server";

import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { importArticle } from "@/lib/data/articles";
import { runAction } from "@/lib/action-result";
import { articleInputFromForm, type ImportFormState } from "@/lib/import-form";

/** Imports the pasted or uploaded article, then opens its annotate page. */
export async function importArticleAction(_prev: ImportFormState, form: FormData): Promise<ImportFormState> {
  const actor = await getActor();
  const result = await runAction(async () => importArticle(actor, await articleInputFromForm(form)));
  if (!result.ok) {
    return { message: result.error.message, fields: result.error.fields ?? {}, values: formValues(form) };
  }
  redirect(`/articles/${result.value.id}`);
}

function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of ["title", "text", "url", "publisher", "author", "publishedAt"]) {
    const v = form.get(key);
    if (typeof v === "string") values[key] = v;
  }
  return values;
}
