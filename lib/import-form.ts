import "server-only";
import { AppError } from "@/lib/errors";
import { readArticleFile, readPastedText } from "@/lib/text/import-file";
import type { ExtractedArticle } from "@/lib/text/html";
import type { FieldErrors } from "@/lib/errors";

export type ImportFormState = { message: string | null; fields: FieldErrors; values: Record<string, string> };

const field = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" ? v : "";
};

/**
 * The file a form's file input carries, or null when none was chosen. An input left empty
 * still sends a part with no bytes, which Next.js's action decoder names "undefined"
 * (seen in the e2e tests); a chosen file with no bytes is refused, not taken for "no file".
 */
export function chosenFile(form: FormData, key = "file"): File | null {
  const value = form.get(key);
  if (!(value instanceof File)) return null;
  if (value.size > 0) return value;
  if (value.name === "" || value.name === "undefined") return null;
  throw new AppError("validation_failed", `${value.name} is empty`, { fields: { [key]: [`${value.name} is empty (0 bytes): choose another file`] } });
}

/**
 * The article to import from the form: pasted text, or an uploaded file reduced to text.
 * Pasted HTML markup is read as an uploaded .html page would be. For an HTML page, empty
 * metadata fields are filled from the page, and an empty title from the page's title or
 * the file name.
 */
export async function articleInputFromForm(form: FormData) {
  const file = chosenFile(form);
  const pasted = field(form, "text");
  const input = {
    title: field(form, "title"),
    text: pasted,
    url: field(form, "url"),
    publisher: field(form, "publisher"),
    author: field(form, "author"),
    publishedAt: field(form, "publishedAt"),
  };
  if (!file) {
    const extracted = readPastedText(pasted);
    return extracted.wasHtml ? withExtracted(input, extracted, "") : input;
  }
  if (pasted.trim() !== "") {
    throw new AppError("validation_failed", "Either paste the text or upload a file, not both", {
      fields: { file: ["Clear the pasted text to upload a file, or remove the file"] },
    });
  }
  return withExtracted(input, readArticleFile(file.name, new Uint8Array(await file.arrayBuffer())), file.name.replace(/\.[^.]+$/, ""));
}

/** The form's fields, with the text and, where the form left them empty, the metadata that a page or file gave. */
function withExtracted(input: Record<"title" | "text" | "url" | "publisher" | "author" | "publishedAt", string>, extracted: ExtractedArticle, fallbackTitle: string) {
  return {
    ...input,
    text: extracted.text,
    title: input.title.trim() || extracted.title || fallbackTitle,
    author: input.author || extracted.author || "",
    publisher: input.publisher || extracted.publisher || "",
    publishedAt: input.publishedAt || (extracted.publishedAt && !Number.isNaN(Date.parse(extracted.publishedAt)) ? extracted.publishedAt : ""),
  };
}
