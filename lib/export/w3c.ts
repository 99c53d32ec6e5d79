import { toCodePointOffsets } from "./code-points";
import {
  annotationCollectionIri,
  annotationIri,
  annotationPageIri,
  revisionIri,
  toUri,
  vocabularyIri,
} from "./iris";
import { VERDICT_LABELS, type ArticleExport, type ExportClaim, type ExportSource, type SourceRelation } from "./types";

// Claims as W3C Web Annotations (https://www.w3.org/TR/annotation-model/), one collection
// per article. Choices worth knowing:
// - The target's source is the Claimtrack revision, not the article's web page: offsets
//   count in the text Claimtrack extracted, which is not the page's DOM text. The page is
//   the target's `scope` (the context the text appeared in), and the TextQuoteSelector
//   still lets a client such as Hypothesis anchor the claim on the live page.
// - The TextPositionSelector is left out when the stored offsets no longer match the claim
//   text (a claim that could not be re-anchored): a wrong position is worse than none.
// - The model has no term for a source's relation (supports/refutes/…) or a claim's cue, so
//   the @context adds a "claimtrack" prefix in the site's own namespace for them.
// - Internal notes and reviewers' comments stay out: this export is meant to leave the desk.

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

/** The media type the Web Annotation Protocol gives annotation documents. */
export const W3C_CONTENT_TYPE = `application/ld+json; profile="${ANNO_CONTEXT}"`;

export type W3cContext = [typeof ANNO_CONTEXT, { claimtrack: string }];

type Agent = { type: "Person" | "Software"; name: string; id?: string };

type TextQuoteSelector = { type: "TextQuoteSelector"; exact: string; prefix?: string; suffix?: string };
type TextPositionSelector = { type: "TextPositionSelector"; start: number; end: number };

export type W3cTextualBody = {
  type: "TextualBody";
  purpose: "tagging" | "describing" | "assessing" | "commenting";
  value: string;
  format: "text/plain";
  creator?: Agent;
  created?: string;
  "claimtrack:cue"?: string;
};

export type W3cLinkingBody = {
  type: "SpecificResource";
  purpose: "linking";
  source: { id: string; label?: string };
  selector?: TextQuoteSelector;
  "claimtrack:relation": SourceRelation;
  "claimtrack:publisher"?: string;
  "claimtrack:locator"?: string;
};

export type W3cAnnotation = {
  "@context"?: W3cContext;
  id: string;
  type: "Annotation";
  motivation: "assessing" | "tagging" | "describing" | "linking" | "highlighting";
  created: string;
  modified: string;
  creator: Agent;
  generator: Agent;
  generated: string;
  body?: (W3cTextualBody | W3cLinkingBody)[];
  target: {
    type: "SpecificResource";
    source: { id: string; type: "Text"; format: "text/plain" };
    scope?: string;
    selector: [TextQuoteSelector, TextPositionSelector] | [TextQuoteSelector];
  };
};

export type W3cCollection = {
  "@context": W3cContext;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  first?: { id: string; type: "AnnotationPage"; startIndex: 0; items: W3cAnnotation[] };
  last?: string;
};

/** The JSON-LD context of every document of this export. */
export function w3cContext(baseUrl: string): W3cContext {
  return [ANNO_CONTEXT, { claimtrack: vocabularyIri(baseUrl) }];
}

/** Builds one self-contained W3C Annotation (with its own @context) per claim, in claim order. */
export function buildW3cAnnotations(data: ArticleExport): W3cAnnotation[] {
  const { text } = data.revision;
  const codePoints = toCodePointOffsets(text, data.claims.flatMap((c) => [c.start, c.end]));
  const generator: Agent = { id: data.baseUrl, type: "Software", name: "Claimtrack" };
  return data.claims.map((claim, i) => {
    const body = bodiesOf(claim);
    const quote: TextQuoteSelector = { type: "TextQuoteSelector", exact: claim.text };
    if (claim.prefix !== "") quote.prefix = claim.prefix;
    if (claim.suffix !== "") quote.suffix = claim.suffix;
    const isAnchored = text.slice(claim.start, claim.end) === claim.text;
    const position: TextPositionSelector = {
      type: "TextPositionSelector",
      start: codePoints[2 * i] ?? 0,
      end: codePoints[2 * i + 1] ?? 0,
    };
    const annotation: W3cAnnotation = {
      "@context": w3cContext(data.baseUrl),
      id: annotationIri(data.baseUrl, data.article.id, claim.id),
      type: "Annotation",
      motivation: motivationOf(claim),
      created: claim.createdAt,
      modified: claim.updatedAt,
      creator: claim.taggedBy ? person(claim.taggedBy) : { type: "Software", name: "Claimtrack" },
      generator,
      generated: data.exportedAt,
      target: {
        type: "SpecificResource",
        source: { id: revisionIri(data.baseUrl, data.article.id, data.revision.number), type: "Text", format: "text/plain" },
        ...(data.article.url ? { scope: toUri(data.article.url) } : {}),
        selector: isAnchored ? [quote, position] : [quote],
      },
    };
    if (body.length > 0) annotation.body = body;
    return annotation;
  });
}

/** Builds the article's AnnotationCollection, every annotation embedded in its one page. */
export function buildW3cCollection(data: ArticleExport): W3cCollection {
  const items = buildW3cAnnotations(data).map(({ "@context": _inherited, ...annotation }) => annotation);
  const collection: W3cCollection = {
    "@context": w3cContext(data.baseUrl),
    id: annotationCollectionIri(data.baseUrl, data.article.id),
    type: "AnnotationCollection",
    label: `Claims in “${data.article.title}”`,
    total: items.length,
  };
  // The model forbids an empty page: an article without claims is a collection of total 0.
  if (items.length > 0) {
    const page = annotationPageIri(data.baseUrl, data.article.id);
    collection.first = { id: page, type: "AnnotationPage", startIndex: 0, items };
    collection.last = page;
  }
  return collection;
}

/** Serialises the article's AnnotationCollection as JSON-LD text. */
export function toW3cExport(data: ArticleExport): string {
  return `${JSON.stringify(buildW3cCollection(data), null, 2)}\n`;
}

function person(name: string): Agent {
  return { type: "Person", name };
}

function motivationOf(claim: ExportClaim): W3cAnnotation["motivation"] {
  if (claim.verdict) return "assessing";
  if (claim.tag) return "tagging";
  if (claim.speaker) return "describing";
  if (claim.sources.length > 0) return "linking";
  return "highlighting";
}

function bodiesOf(claim: ExportClaim): (W3cTextualBody | W3cLinkingBody)[] {
  const bodies: (W3cTextualBody | W3cLinkingBody)[] = [];
  if (claim.tag) {
    bodies.push({
      type: "TextualBody",
      purpose: "tagging",
      value: claim.tag,
      format: "text/plain",
      ...(claim.taggedBy ? { creator: person(claim.taggedBy) } : {}),
      ...(claim.taggedAt ? { created: claim.taggedAt } : {}),
    });
  }
  if (claim.speaker) {
    bodies.push({
      type: "TextualBody",
      purpose: "describing",
      value: claim.speaker,
      format: "text/plain",
      ...(claim.cue ? { "claimtrack:cue": claim.cue } : {}),
    });
  }
  if (claim.verdict) {
    const reviewer = {
      ...(claim.verdictBy ? { creator: person(claim.verdictBy) } : {}),
      ...(claim.verdictAt ? { created: claim.verdictAt } : {}),
    };
    bodies.push({ type: "TextualBody", purpose: "assessing", value: VERDICT_LABELS[claim.verdict], format: "text/plain", ...reviewer });
    if (claim.verdictRationale) {
      bodies.push({ type: "TextualBody", purpose: "commenting", value: claim.verdictRationale, format: "text/plain", ...reviewer });
    }
  }
  for (const source of claim.sources) bodies.push(linkingBody(source));
  return bodies;
}

function linkingBody(source: ExportSource): W3cLinkingBody {
  return {
    type: "SpecificResource",
    purpose: "linking",
    source: { id: toUri(source.url), ...(source.title ? { label: source.title } : {}) },
    ...(source.quote ? { selector: { type: "TextQuoteSelector" as const, exact: source.quote } } : {}),
    "claimtrack:relation": source.relation,
    ...(source.publisher ? { "claimtrack:publisher": source.publisher } : {}),
    ...(source.locator ? { "claimtrack:locator": source.locator } : {}),
  };
}
