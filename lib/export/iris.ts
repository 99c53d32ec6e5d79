// The addresses that exports publish, kept in one file so the routes that serve them and
// the exports that name them cannot disagree. The report URL, the export URL and each
// revision's text are served (to signed-in people and API tokens); the others are
// identifiers under the site (W3C annotations need an IRI each).

/** The base URL without a trailing slash, so joins never produce "//". */
function trimBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, "");
}

const segment = (s: string) => encodeURIComponent(s);

/** The article's page in Claimtrack. */
export function articleIri(baseUrl: string, articleId: string): string {
  return `${trimBase(baseUrl)}/articles/${segment(articleId)}`;
}

/** The article's report page; with a claim id, the anchor of that claim on it ("#claim-<id>"). */
export function reportUrl(baseUrl: string, articleId: string, claimId?: string): string {
  const page = `${articleIri(baseUrl, articleId)}/report`;
  return claimId === undefined ? page : `${page}#${claimAnchor(claimId)}`;
}

/** The HTML id the report page gives each claim, so "#claim-<id>" links land on it. */
export function claimAnchor(claimId: string): string {
  return `claim-${segment(claimId)}`;
}

/**
 * The immutable text of one revision, what claim offsets count in, served as text/plain
 * by GET /api/v1/articles/:id/revisions/:number (the page at /articles/:id/revisions/:n
 * is the diff from the revision before, not this text).
 */
export function revisionIri(baseUrl: string, articleId: string, revisionNumber: number): string {
  return `${trimBase(baseUrl)}/api/v1/articles/${segment(articleId)}/revisions/${revisionNumber}`;
}

/** The W3C AnnotationCollection of an article's claims. */
export function annotationCollectionIri(baseUrl: string, articleId: string): string {
  return `${articleIri(baseUrl, articleId)}/annotations`;
}

/** The one AnnotationPage that the collection embeds (every claim fits on it). */
export function annotationPageIri(baseUrl: string, articleId: string): string {
  return `${annotationCollectionIri(baseUrl, articleId)}?page=0`;
}

/** One claim as a W3C Annotation. */
export function annotationIri(baseUrl: string, articleId: string, claimId: string): string {
  return `${annotationCollectionIri(baseUrl, articleId)}/${segment(claimId)}`;
}

/** The namespace of the few Claimtrack terms the W3C export adds (source relation, cue). */
export function vocabularyIri(baseUrl: string): string {
  return `${trimBase(baseUrl)}/ns/claimtrack#`;
}

/** The export endpoint, as documented in issue 6. */
export function exportUrl(baseUrl: string, articleId: string, format: string): string {
  return `${trimBase(baseUrl)}/api/v1/articles/${segment(articleId)}/export?format=${segment(format)}`;
}

/**
 * Normalises a URL into an RFC 3986 URI: WHATWG URL parsing percent-encodes spaces and
 * non-ASCII characters and punycodes the host, but leaves a few characters RFC 3986 forbids
 * (| ^ { } ` and stray %) that strict "uri" validators reject.
 */
export function toUri(url: string): string {
  return new URL(url).href
    .replace(/%(?![0-9A-Fa-f]{2})/g, "%25")
    .replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/g, (c) => encodeURIComponent(c));
}
