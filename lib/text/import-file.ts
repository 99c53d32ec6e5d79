import { marked } from "marked";
import { AppError } from "../errors";
import { decodeUtf8Text, normalizeArticleText } from "./decode";
import { extractArticleFromHtml, htmlToText, type ExtractedArticle } from "./html";

export const ACCEPTED_EXTENSIONS = [".txt", ".md", ".markdown", ".html", ".htm"] as const;

/** The largest upload accepted, in bytes (HTML carries markup around the 2 MB of text). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/**
 * Turns an uploaded .txt, .md or .html file into article text (and, for HTML, the
 * page's metadata). Anything else, or bytes that are not UTF-8 text, is refused.
 */
export function readArticleFile(fileName: string, bytes: Uint8Array): ExtractedArticle {
  const ext = /\.[^.]+$/.exec(fileName.toLowerCase())?.[0] ?? "";
  if (!(ACCEPTED_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new AppError(
      "validation_failed",
      `${fileName} is not a supported file: upload a .txt, .md or .html file`,
      { fields: { file: ["Upload a .txt, .md or .html file"] } },
    );
  }
  if (bytes.byteLength > MAX_UPLOAD_BYTES) {
    throw new AppError("payload_too_large", `${fileName} is larger than 5 MB`, { fields: { file: ["The file is larger than 5 MB"] } });
  }
  const raw = decodeUtf8Text(bytes, fileName);
  let extracted: ExtractedArticle;
  if (ext === ".html" || ext === ".htm") extracted = extractArticleFromHtml(raw);
  else if (ext === ".md" || ext === ".markdown") extracted = { text: markdownToText(raw) };
  else extracted = { text: raw };
  const text = normalizeArticleText(extracted.text);
  if (!text) throw new AppError("validation_failed", `${fileName} holds no article text`, { fields: { file: ["The file is empty"] } });
  return { ...extracted, text };
}

/**
 * Whether pasted text is HTML markup, as copied from a page's source or a CMS: it starts
 * with a tag and closes a block (a paragraph, heading, list item, cell, div…). Prose that
 * merely mentions a tag does not start with one.
 */
export function looksLikeHtml(text: string): boolean {
  const t = text.trimStart();
  return t.startsWith("<") && /<\/(p|div|h[1-6]|li|ul|ol|article|section|blockquote|td|tr|table|body|html)\s*>/i.test(t);
}

/**
 * Pasted article text: as it is, or, when it is HTML markup, its text taken out as from an
 * uploaded .html file (one paragraph per block: "<p>…</p><p>…</p>" was one claim across
 * both sentences), with the page's metadata.
 */
export function readPastedText(text: string): ExtractedArticle & { wasHtml: boolean } {
  if (!looksLikeHtml(text)) return { text, wasHtml: false };
  return { ...extractArticleFromHtml(text), wasHtml: true };
}

/** The plain text of a Markdown document: headings, paragraphs and list items, no markup. */
export function markdownToText(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true });
  return htmlToText(html);
}
