"use server";

import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { importArticle } from "@/lib/data/articles";
import { importArticleFromUrl } from "@/lib/data/article-url-import";
import { runAction } from "@/lib/action-result";
import { AppError } from "@/lib/errors";
import { articleInputFromForm, type ImportFormState } from "@/lib/import-form";

/** Imports the pasted or uploaded article, or the page at "Article URL", then opens its annotate page. */
export async function importArticleAction(_prev: ImportFormState, form: FormData): Promise<ImportFormState> {
  const actor = await getActor();
  const pageUrl = String(form.get("articleUrl") ?? "").trim();
  const result = await runAction(async () => {
    if (!pageUrl) return importArticle(actor, await articleInputFromForm(form));
    const file = form.get("file");
    if (String(form.get("text") ?? "").trim() !== "" || (file instanceof File && file.size > 0)) {
      throw new AppError("validation_failed", "Give an article URL, pasted text or a file: only one of them", {
        fields: { articleUrl: ["Clear the URL to import the pasted text or the file"] },
      });
    }
    const field = (key: string) => String(form.get(key) ?? "");
    return importArticleFromUrl(actor, {
      url: pageUrl,
      title: field("title"),
      publisher: field("publisher"),
      author: field("author"),
      publishedAt: field("publishedAt"),
    });
  });
  if (!result.ok) {
    // The URL import's own field is "url"; on this form that is the "Article URL" box.
    const { url: urlErrors, ...others } = result.error.fields ?? {};
    const fields = pageUrl && urlErrors ? { ...others, articleUrl: urlErrors } : (result.error.fields ?? {});
    return { message: result.error.message, fields, values: formValues(form) };
  }
  redirect(`/articles/${result.value.id}`);
}

function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of ["title", "text", "url", "articleUrl", "publisher", "author", "publishedAt"]) {
    const v = form.get(key);
    if (typeof v === "string") values[key] = v;
  }
  return values;
}
