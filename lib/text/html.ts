import { JSDOM } from "jsdom";
import { Readability } from "@mozilla/readability";
import { asOneLine } from "../schemas/common";
import { stripSiteName } from "../sources/metadata";

export type ExtractedArticle = {
  text: string;
  title?: string;
  author?: string;
  publisher?: string;
  publishedAt?: string;
};

const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME", "OBJECT", "EMBED", "CANVAS", "HEAD", "BUTTON", "SELECT", "FORM"]);
const BLOCK = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "DD", "DIV", "DL", "DT", "FIGCAPTION", "FIGURE", "FOOTER",
  "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION",
  "TABLE", "TR", "UL", "BODY", "CAPTION",
]);

/** Stands for a <br> outside <pre> until its block is complete: one is a space, a run is a paragraph break. */
const BR_MARK = "\u2029";
/** Two or more <br> in a row, with only white space between them (non-breaking spaces too: `<br>&nbsp;<br>`). */
const BR_RUN = /[^\S\u2028\u2029]*\u2029(?:[^\S\u2028\u2029]*\u2029)+[^\S\u2028\u2029]*/;

/**
 * The visible text of an HTML fragment or document, one block element per paragraph
 * (separated by a blank line), with inline white space collapsed. Scripts, styles and
 * markup are dropped; <pre> keeps its line breaks. A lone <br> is a soft line break and
 * becomes a space, so it cannot cut a sentence into two claims; two or more in a row
 * start a new paragraph, as Readability reads them (its `_replaceBrs`).
 */
export function htmlToText(html: string): string {
  const dom = new JSDOM(html);
  return blocksToText(dom.window.document.body);
}

function blocksToText(root: Element | null): string {
  if (!root) return "";
  const paragraphs: string[] = [];
  let line = "";
  const flush = () => {
    for (const part of line.replace(/[ \t\n\r\f]+/g, " ").split(BR_RUN)) {
      const t = part.replace(/ ?\u2029 ?/g, " ").trim();
      if (t) paragraphs.push(t);
    }
    line = "";
  };
  const walk = (node: Node, inPre: boolean) => {
    if (node.nodeType === 3) {
      // A paragraph separator typed in the page is not a <br>: BR_MARK stands only for those.
      const text = (node.textContent ?? "").replace(/\u2029/g, " ");
      line += inPre ? text.replace(/\n/g, "\u2028") : text;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || el.getAttribute("hidden") !== null || el.getAttribute("aria-hidden") === "true") return;
    if (tag === "BR") {
      line += inPre ? "\u2028" : BR_MARK;
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    const pre = inPre || tag === "PRE";
    for (const child of Array.from(el.childNodes)) walk(child, pre);
    if (block) flush();
  };
  walk(root, false);
  flush();
  // Line breaks inside <pre> are kept as single newlines.
  return paragraphs
    .map((p) => p.split("\u2028").map((l) => l.trim()).filter(Boolean).join("\n"))
    .filter(Boolean)
    .join("\n\n");
}

/**
 * Extracts the article from an HTML page with Mozilla Readability (the engine of
 * Firefox Reader View), falling back to the whole body when Readability finds nothing
 * substantial, as happens with short or unusual pages.
 */
export function extractArticleFromHtml(html: string, url?: string): ExtractedArticle {
  const dom = new JSDOM(html, url ? { url } : undefined);
  const doc = dom.window.document;
  const bodyText = blocksToText(doc.body);
  const parsed = new Readability(doc.cloneNode(true) as Document).parse();
  let text = bodyText;
  if (parsed?.content) {
    const readable = blocksToText(new JSDOM(parsed.content).window.document.body);
    // Readability sometimes keeps only a fragment of short pages; keep its result only
    // when it holds a fair share of the page's text.
    if (readable.length >= Math.min(200, bodyText.length * 0.5)) text = readable;
  }
  const clean = (s: string | null | undefined) => {
    const t = s ? asOneLine(s) : "";
    return t ? t : undefined;
  };
  const publisher = clean(parsed?.siteName);
  const title = clean(parsed?.title) ?? clean(doc.title);
  return {
    text,
    // "Mayor defends budget | Local Gazette" → "Mayor defends budget", as the URL import's metadata gives it.
    title: title && publisher ? stripSiteName(title, publisher) : title,
    author: clean(parsed?.byline),
    publisher,
    publishedAt: clean(parsed?.publishedTime),
  };
}
