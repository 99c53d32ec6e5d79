/** The kinds of source issue 5 names; "interview" and "other" are only ever chosen by an editor. */
export const SOURCE_TYPES = ["news article", "official document", "dataset", "social post", "interview", "other"] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

// Hosts whose pages are posts by their users, whatever markup they carry.
const SOCIAL_HOSTS = /(^|\.)(twitter\.com|x\.com|facebook\.com|instagram\.com|threads\.net|bsky\.app|tiktok\.com|mastodon\.social|reddit\.com|t\.me|truthsocial\.com|linkedin\.com)$/;
// Government and intergovernmental domains: .gov, .gov.uk, .gouv.fr, .gob.mx, .gc.ca, .mil, europa.eu, .int.
const OFFICIAL_HOSTS = /(^|\.)(gov|gouv|gob|govt|gc|mil)(\.[a-z]{2})?$|(^|\.)(europa\.eu|int)$/;

const SCHEMA_TYPES: Record<string, SourceType> = {
  Dataset: "dataset",
  DataCatalog: "dataset",
  SocialMediaPosting: "social post",
  DiscussionForumPosting: "social post",
  Report: "official document",
  PressRelease: "official document",
  ScholarlyArticle: "official document",
};

/**
 * A best guess at the source type from the page's host and markup, or null when there is
 * nothing to go on; the editor can always change it. The host decides first (a post on a
 * social network, a page on a government domain), then the schema.org type, then OpenGraph
 * "article", then a citation_pdf_url (a report's landing page).
 */
export function sourceTypeOf(input: { pageUrl: string; schemaType: string | null; ogType: string | null; hasCitationPdf: boolean }): SourceType | null {
  let host = "";
  try {
    host = new URL(input.pageUrl).hostname.replace(/\.$/, "");
  } catch {
    // an invalid page URL says nothing about the type
  }
  if (SOCIAL_HOSTS.test(host)) return "social post";
  const fromSchema = input.schemaType ? SCHEMA_TYPES[input.schemaType] : undefined;
  if (fromSchema === "dataset" || fromSchema === "social post") return fromSchema;
  if (OFFICIAL_HOSTS.test(host)) return "official document";
  if (fromSchema) return fromSchema;
  if (input.schemaType && /Article|BlogPosting/.test(input.schemaType)) return "news article";
  if (input.ogType?.toLowerCase() === "article") return "news article";
  if (input.hasCitationPdf) return "official document";
  return null;
}
