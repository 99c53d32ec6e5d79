import { JSDOM } from "jsdom";
import { normalizeDate } from "./dates";
import { readJsonLd, type JsonLdFields } from "./json-ld";
import { canonicalizeUrl } from "./url";
import { sourceTypeOf, type SourceType } from "./source-type";
import { asOneLine } from "../schemas/common";

export type { SourceType } from "./source-type";

/** What a page says about itself, for pre-filling a source; every field may be missing. */
export type PageMetadata = {
  title: string | null;
  /** The publisher or site name. */
  siteName: string | null;
  /** All authors joined with ", " (see authors for the list). */
  author: string | null;
  authors: string[];
  /** ISO 8601 UTC. */
  publishedAt: string | null;
  description: string | null;
  /** The page's declared canonical URL, else the page URL, in canonicalizeUrl form. */
  canonicalUrl: string | null;
  type: SourceType | null;
  /** Absolute http(s) URL of the lead image. */
  image: string | null;
  /** BCP 47 tag such as "fr-FR". */
  language: string | null;
};

/**
 * Extracts title, publisher, authors, date, description, canonical URL, type and image
 * from an HTML page. Sources in order of trust: JSON-LD, OpenGraph, Twitter cards, other
 * <meta> (author, Dublin Core, citation_*), then <title>, <h1> and <time datetime>.
 * Parses with jsdom (no scripts run, nothing loaded); never throws on malformed markup.
 */
export function extractMetadata(html: string, pageUrl: string): PageMetadata {
  const dom = new JSDOM(html, isHttpUrl(pageUrl) ? { url: pageUrl } : undefined);
  return extractMetadataFromDocument(dom.window.document, pageUrl);
}

/** extractMetadata on an already parsed document, for callers that parse the page once for several purposes. */
export function extractMetadataFromDocument(doc: Document, pageUrl: string): PageMetadata {
  const meta = collectMeta(doc);
  const first = (...keys: string[]) => {
    for (const key of keys) {
      const value = meta.get(key)?.[0];
      if (value) return value;
    }
    return null;
  };
  const ld = decodeJsonLd(readJsonLd(doc), doc);

  const siteName =
    ld?.publisher ?? first("og:site_name") ?? ld?.websiteName ?? first("publisher", "dc.publisher", "citation_publisher", "application-name");
  const rawTitle =
    ld?.title ??
    first("og:title", "twitter:title", "citation_title", "dc.title", "dcterms.title", "parsely-title", "sailthru.title") ??
    clean(doc.title) ??
    clean(doc.querySelector("h1")?.textContent);

  return {
    title: rawTitle ? stripSiteName(rawTitle, siteName) : null,
    siteName,
    ...authorsOf(ld, meta, doc),
    publishedAt: publishedAtOf(ld, first, doc),
    description:
      ld?.description ?? first("og:description", "twitter:description", "description", "dc.description", "dcterms.description"),
    canonicalUrl: canonicalOf(doc, pageUrl, first("og:url"), ld?.url ?? null),
    type: sourceTypeOf({
      pageUrl,
      schemaType: ld?.schemaType ?? null,
      ogType: first("og:type"),
      hasCitationPdf: first("citation_pdf_url") !== null,
    }),
    image: absoluteHttpUrl(
      ld?.image ??
        first("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src") ??
        doc.querySelector('link[rel~="image_src" i][href]')?.getAttribute("href") ??
        null,
      doc,
    ),
    language: languageOf(doc, first("og:locale"), ld?.language ?? null),
  };
}

/** Every <meta> by lower-case name, property or itemprop, values in document order. */
function collectMeta(doc: Document): Map<string, string[]> {
  const meta = new Map<string, string[]>();
  for (const el of Array.from(doc.querySelectorAll("meta[content]"))) {
    const value = clean(el.getAttribute("content"));
    if (!value) continue;
    for (const attr of ["property", "name", "itemprop"]) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key) meta.set(key, [...(meta.get(key) ?? []), value]);
    }
  }
  return meta;
}

function authorsOf(ld: JsonLdFields | null, meta: Map<string, string[]>, doc: Document): { author: string | null; authors: string[] } {
  const fromMeta = (...keys: string[]) => keys.flatMap((key) => meta.get(key) ?? []);
  // article:author is often a profile URL, which names nobody.
  const ogAuthors = fromMeta("article:author").filter((a) => !/^https?:\/\//i.test(a));
  // A Twitter handle is a weaker name than a byline, so it comes after the plain meta tags.
  const candidates = [
    ld?.authors ?? [],
    ogAuthors,
    // One key at a time: "Lindqvist, Anna" (DC) and "Anna Lindqvist" (citation) are one person.
    ...["author", "citation_author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "byl"].map((k) => fromMeta(k)),
    fromMeta("twitter:creator"),
    Array.from(doc.querySelectorAll('a[rel~="author"]')).map((a) => a.textContent ?? ""),
  ];
  for (const list of candidates) {
    const authors = [...new Set(list.map((a) => clean(a.replace(/^\s*by\s+/i, ""))).filter((a): a is string => a !== null))];
    if (authors.length > 0) return { author: authors.join(", "), authors };
  }
  return { author: null, authors: [] };
}

function publishedAtOf(ld: JsonLdFields | null, first: (...keys: string[]) => string | null, doc: Document): string | null {
  const candidates = [
    ld?.datePublished,
    first("article:published_time", "og:published_time", "og:article:published_time"),
    first(
      "datepublished", "date", "pubdate", "publishdate", "publish-date", "publication_date", "article.published",
      "article_date_original", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created",
      "citation_publication_date", "citation_date", "parsely-pub-date", "sailthru.date",
    ),
    doc.querySelector("time[itemprop~=datePublished]")?.getAttribute("datetime"),
    doc.querySelector("time[pubdate][datetime]")?.getAttribute("datetime"),
    doc.querySelector("article time[datetime]")?.getAttribute("datetime"),
    doc.querySelector("time[datetime]")?.getAttribute("datetime"),
  ];
  for (const candidate of candidates) {
    const date = normalizeDate(candidate);
    if (date) return date;
  }
  return null;
}

/**
 * <link rel=canonical> first (the standard for it), then og:url, then JSON-LD url, then the
 * page URL. A declared canonical that is just the site root of a deeper page is a common
 * misconfiguration and is ignored, as are non-http(s) values.
 */
function canonicalOf(doc: Document, pageUrl: string, ogUrl: string | null, ldUrl: string | null): string | null {
  const page = isHttpUrl(pageUrl) ? new URL(pageUrl) : null;
  const declared = [doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute("href"), ogUrl, ldUrl];
  for (const href of declared) {
    const url = absoluteHttpUrl(href ?? null, doc);
    if (!url) continue;
    if (page && page.pathname !== "/" && new URL(url).pathname === "/") continue;
    return canonicalizeUrl(url);
  }
  return page ? canonicalizeUrl(page.href) : null;
}

function languageOf(doc: Document, ogLocale: string | null, ldLanguage: string | null): string | null {
  const raw =
    clean(doc.documentElement.getAttribute("lang")) ??
    ogLocale ??
    ldLanguage ??
    clean(doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute("content"));
  if (!raw || !/^[a-z]{2,3}([_-][a-z0-9]{2,8})*$/i.test(raw)) return null;
  const [lang = "", ...rest] = raw.split(/[_-]/);
  return [lang.toLowerCase(), ...rest.map((part) => (part.length === 2 ? part.toUpperCase() : part))].join("-");
}

/** Removes a " | Site Name" suffix (or "Site Name: " prefix) that sites add to their titles. */
export function stripSiteName(title: string, siteName: string | null): string {
  if (!siteName) return title;
  const name = siteName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const sep = "\\s*[|\\-–—·•:»]\\s*";
  for (const pattern of [new RegExp(`${sep}${name}\\s*$`, "i"), new RegExp(`^\\s*${name}${sep}`, "i")]) {
    const stripped = title.replace(pattern, "").trim();
    if (stripped && stripped !== title) return stripped;
  }
  return title;
}

function absoluteHttpUrl(href: string | null, doc: Document): string | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim(), doc.baseURI === "about:blank" ? undefined : doc.baseURI);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** One line, without the control and bidirectional characters a one-line field refuses. */
function clean(value: string | null | undefined): string | null {
  const text = value ? asOneLine(value) : "";
  return text ? text : null;
}

/** JSON-LD strings are written by templates that often HTML-escape them ("&#8217;", "&amp;"); decode those. */
function decodeJsonLd(ld: JsonLdFields | null, doc: Document): JsonLdFields | null {
  if (!ld) return null;
  const area = doc.createElement("textarea");
  const decode = (s: string | null) => {
    if (!s || !/&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(s)) return s;
    area.innerHTML = s;
    return clean(area.value);
  };
  return {
    ...ld,
    title: decode(ld.title),
    description: decode(ld.description),
    publisher: decode(ld.publisher),
    websiteName: decode(ld.websiteName),
    authors: ld.authors.map((a) => decode(a) ?? a),
  };
}
