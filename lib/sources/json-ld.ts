import { asOneLine } from "../schemas/common";

/** The article fields found in a page's JSON-LD, as raw strings (dates and URLs not yet normalised). */
export type JsonLdFields = {
  /** The schema.org type of the node the fields came from, e.g. "NewsArticle". */
  schemaType: string;
  title: string | null;
  description: string | null;
  authors: string[];
  publisher: string | null;
  /** The name of a WebSite node in the same graph, a fallback for the publisher. */
  websiteName: string | null;
  datePublished: string | null;
  image: string | null;
  url: string | null;
  language: string | null;
};

type JsonObject = { [key: string]: unknown };

// Most specific first: a page that describes itself as both a WebPage and a NewsArticle
// is a news article.
const TYPE_RANK: Record<string, number> = {
  NewsArticle: 1, ReportageNewsArticle: 1, AnalysisNewsArticle: 1, OpinionNewsArticle: 1, BackgroundNewsArticle: 1,
  ReviewNewsArticle: 1, AskPublicNewsArticle: 1, LiveBlogPosting: 1, SatiricalArticle: 1,
  Article: 2, BlogPosting: 2, Report: 2, ScholarlyArticle: 2, TechArticle: 2, SocialMediaPosting: 2,
  DiscussionForumPosting: 2, Dataset: 2, PressRelease: 2,
  WebPage: 3, ItemPage: 3, AboutPage: 3,
};
const MAX_SCRIPT_CHARS = 1_000_000;

/**
 * Reads the JSON-LD blocks of a document and returns the fields of its main creative work
 * (NewsArticle and kin, then Article, then WebPage), following @graph arrays, mainEntity
 * and @id references. Malformed blocks are repaired where cheap or skipped; never throws.
 */
export function readJsonLd(doc: Document): JsonLdFields | null {
  const roots: unknown[] = [];
  for (const script of Array.from(doc.querySelectorAll("script"))) {
    const type = (script.getAttribute("type") ?? "").trim().toLowerCase();
    if (!type.startsWith("application/ld+json")) continue;
    const parsed = parseLenient(script.textContent ?? "");
    if (parsed !== undefined) roots.push(parsed);
  }
  if (roots.length === 0) return null;
  const byId = new Map<string, JsonObject>();
  indexIds(roots, byId, 0);
  const candidates = topLevelNodes(roots, byId);
  let best: { node: JsonObject; type: string; rank: number } | null = null;
  for (const node of candidates) {
    for (const type of typesOf(node)) {
      const rank = TYPE_RANK[type];
      if (rank !== undefined && (!best || rank < best.rank)) best = { node, type, rank };
    }
  }
  if (!best) return null;
  const deref = (value: unknown): unknown => {
    if (isObject(value) && typeof value["@id"] === "string" && Object.keys(value).length === 1) {
      return byId.get(value["@id"]) ?? value;
    }
    return value;
  };
  const node = best.node;
  const website = candidates.find((n) => typesOf(n).includes("WebSite"));
  return {
    schemaType: best.type,
    title: textOf(node.headline) ?? textOf(node.name) ?? textOf(node.alternativeHeadline),
    description: textOf(node.description),
    authors: namesOf(node.author ?? node.creator, deref),
    publisher: namesOf(node.publisher ?? node.sourceOrganization, deref)[0] ?? null,
    websiteName: website ? textOf(website.name) : null,
    datePublished: textOf(node.datePublished) ?? textOf(node.dateCreated) ?? textOf(node.uploadDate),
    image: urlOf(deref(node.image), deref),
    url: textOf(node.url) ?? urlOf(deref(node.mainEntityOfPage), deref),
    language: textOf(node.inLanguage),
  };
}

/** JSON.parse, then the repairs that fix most real-world breakage: raw control characters, trailing commas, HTML comment wrappers. */
function parseLenient(raw: string): unknown {
  if (raw.length > MAX_SCRIPT_CHARS) return undefined;
  const text = raw.trim().replace(/^(<!--|\/\/\s*<!\[CDATA\[)/, "").replace(/(-->|\/\/\s*\]\]>)$/, "").trim();
  const attempts = [
    text,
    text.replace(/[\u0000-\u001f]+/g, " "),
    text.replace(/[\u0000-\u001f]+/g, " ").replace(/,(\s*[\]}])/g, "$1"),
  ];
  for (const attempt of attempts) {
    try {
      return JSON.parse(attempt) as unknown;
    } catch {
      // try the next repair
    }
  }
  return undefined;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function indexIds(value: unknown, byId: Map<string, JsonObject>, depth: number): void {
  if (depth > 12) return;
  if (Array.isArray(value)) {
    for (const item of value) indexIds(item, byId, depth + 1);
  } else if (isObject(value)) {
    const id = value["@id"];
    if (typeof id === "string" && Object.keys(value).length > 1 && !byId.has(id)) byId.set(id, value);
    for (const child of Object.values(value)) indexIds(child, byId, depth + 1);
  }
}

/** The nodes a page says it is about: top-level nodes, @graph members and their mainEntity (not items of lists or related links). */
function topLevelNodes(roots: unknown[], byId: Map<string, JsonObject>): JsonObject[] {
  const nodes: JsonObject[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 3) return;
    if (Array.isArray(value)) return value.forEach((item) => visit(item, depth));
    if (!isObject(value)) return;
    if (Array.isArray(value["@graph"])) visit(value["@graph"], depth + 1);
    nodes.push(value);
    const main = value.mainEntity;
    const mainId = isObject(main) && typeof main["@id"] === "string" ? byId.get(main["@id"]) : undefined;
    if (main !== undefined) visit(mainId ?? main, depth + 1);
  };
  roots.forEach((root) => visit(root, 0));
  return nodes;
}

function typesOf(node: JsonObject): string[] {
  const raw = node["@type"];
  const list = Array.isArray(raw) ? raw : [raw];
  // "schema:NewsArticle" and "http://schema.org/NewsArticle" name the same type.
  return list.filter((t): t is string => typeof t === "string").map((t) => t.replace(/^.*[/:#]/, ""));
}

/** A clean string from a JSON-LD value: a string, a number, {"@value": …} or the first of a list. */
function textOf(value: unknown): string | null {
  if (typeof value === "string") return asOneLine(value) || null;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.map(textOf).find((t) => t !== null) ?? null;
  if (isObject(value) && "@value" in value) return textOf(value["@value"]);
  return null;
}

/** Names from an author or publisher value: a string, a Person/Organization, an @id reference, or a list of these. */
function namesOf(value: unknown, deref: (v: unknown) => unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const names: string[] = [];
  for (const item of list.map(deref)) {
    const name = isObject(item) ? textOf(item.name) ?? textOf(item.alternateName) : textOf(item);
    if (name && !/^https?:\/\//i.test(name) && !names.includes(name)) names.push(name);
  }
  return names;
}

function urlOf(value: unknown, deref: (v: unknown) => unknown): string | null {
  if (Array.isArray(value)) return value.map((v) => urlOf(deref(v), deref)).find((u) => u !== null) ?? null;
  if (isObject(value)) return textOf(value.url) ?? textOf(value.contentUrl) ?? textOf(value["@id"]);
  return textOf(value);
}
