import { reportUrl, claimAnchor, toUri } from "./iris";
import { VERDICT_LABELS, type ArticleExport, type ExportClaim, type Verdict } from "./types";

// schema.org ClaimReview (https://schema.org/ClaimReview), one per claim with a verdict,
// with the properties Google's Fact Check markup documentation lists as required (url,
// claimReviewed, reviewRating.alternateName) and recommended (author, datePublished,
// itemReviewed with author, datePublished, appearance and firstAppearance; ratingValue,
// bestRating, worstRating).
//
// The numeric scale is Google's documented example, 1 = False … 5 = True, higher is truer:
//   true 5 · mostly_true 4 · mixed 3 · misleading 2 · mostly_false 2 · false 1
// Misleading shares 2 with Mostly false: both leave a reader believing something false,
// and alternateName keeps them apart. Unproven gets no number at all (only alternateName):
// it is not a point between false and true, and any number would rate it as one.

export const SCHEMA_ORG_CONTEXT = "https://schema.org";

const BEST_RATING = 5;
const WORST_RATING = 1;

/** Where each verdict sits on the 1..5 scale; null: off the scale (see above). */
export const RATING_VALUES: Record<Verdict, number | null> = {
  true: 5,
  mostly_true: 4,
  mixed: 3,
  misleading: 2,
  mostly_false: 2,
  false: 1,
  unproven: null,
};

export type ClaimReviewOptions = {
  /** The fact-checking organisation or desk that publishes the review (ClaimReview.author). */
  publisher: { name: string; url?: string };
  /**
   * The public page that holds the fact check, when it is not the report page (a shared
   * report link, the desk's own article). Each review adds the claim's "#claim-<id>" anchor.
   */
  reviewPageUrl?: string;
};

type Organization = { "@type": "Organization"; name: string; url?: string };
type Person = { "@type": "Person"; name: string };
type CreativeWork = { "@type": "CreativeWork"; url: string; headline?: string; datePublished?: string; author?: Person; publisher?: Organization };

export type ClaimReview = {
  "@context": typeof SCHEMA_ORG_CONTEXT;
  "@type": "ClaimReview";
  url: string;
  claimReviewed: string;
  author: Organization;
  datePublished: string;
  reviewRating: {
    "@type": "Rating";
    alternateName: string;
    ratingValue?: number;
    bestRating?: number;
    worstRating?: number;
  };
  reviewBody?: string;
  itemReviewed: {
    "@type": "Claim";
    author?: Person | Organization;
    datePublished?: string;
    appearance?: CreativeWork;
    firstAppearance?: CreativeWork;
  };
};

/**
 * Builds one ClaimReview per claim that has a verdict, in claim order; not for a claim a
 * revision changed since, whose verdict was given to other words, until someone re-reads it.
 */
export function buildClaimReviews(data: ArticleExport, options: ClaimReviewOptions): ClaimReview[] {
  return data.claims.flatMap((claim) => (claim.verdict && claim.anchorStatus !== "changed" ? [buildClaimReview(data, claim, claim.verdict, options)] : []));
}

/**
 * Serialises the article's ClaimReviews as a JSON-LD array, safe to paste as the content
 * of a `<script type="application/ld+json">` tag: `<`, `>` and `&` are written as \u
 * escapes (still the same JSON), so no claim, speaker or rationale can close the tag, and
 * U+2028/U+2029 likewise, for older script parsers.
 */
export function toClaimReviewExport(data: ArticleExport, options: ClaimReviewOptions): string {
  const json = JSON.stringify(buildClaimReviews(data, options), null, 2);
  return `${json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}\n`;
}

/** Guesses whether a speaker names a person or an organisation, for schema.org's author type. */
export function speakerType(speaker: string): "Person" | "Organization" {
  if (PERSON_TITLE.test(speaker)) return "Person";
  if (ORGANIZATION_WORD.test(speaker)) return "Organization";
  // "Janne Jaakkola", "Maria Zakharova": two to four capitalised words and nothing else.
  return /^(?:\p{Lu}[\p{Ll}'’-]+\s+){1,3}\p{Lu}[\p{Ll}'’-]+$/u.test(speaker.trim()) ? "Person" : "Organization";
}

const PERSON_TITLE =
  /\b(?:minister|president|prime minister|spokes(?:man|woman|person)|secretary|senator|governor|mayor|chancellor|ambassador|commander|king|queen|pope|mr|mrs|ms|dr|professor|chief executive|ceo)\b/i;
const ORGANIZATION_WORD =
  /\b(?:ministry|ministries|government|governments|forces|army|military|administration|council|agency|party|police|committee|office|department|union|nato|un|states|countries|officials|statement|company|group|organi[sz]ation|commission|parliament|court)\b/i;

function buildClaimReview(data: ArticleExport, claim: ExportClaim, verdict: Verdict, options: ClaimReviewOptions): ClaimReview {
  const page = options.reviewPageUrl
    ? `${toUri(options.reviewPageUrl).replace(/#.*$/, "")}#${claimAnchor(claim.id)}`
    : reportUrl(data.baseUrl, data.article.id, claim.id);
  const ratingValue = RATING_VALUES[verdict];
  const { article } = data;
  const articlePublisher: Organization | undefined = article.publisher ? { "@type": "Organization", name: article.publisher } : undefined;
  const appearance: CreativeWork | undefined = article.url
    ? {
        "@type": "CreativeWork",
        url: toUri(article.url),
        headline: article.title,
        ...(article.publishedAt ? { datePublished: article.publishedAt } : {}),
        ...(article.author ? { author: { "@type": "Person" as const, name: article.author } } : {}),
        ...(articlePublisher ? { publisher: articlePublisher } : {}),
      }
    : undefined;
  const origin = claim.sources.find((s) => s.relation === "origin");
  const claimAuthor = authorOf(claim, data);
  return {
    "@context": SCHEMA_ORG_CONTEXT,
    "@type": "ClaimReview",
    url: page,
    claimReviewed: claim.text,
    author: { "@type": "Organization", name: options.publisher.name, ...(options.publisher.url ? { url: toUri(options.publisher.url) } : {}) },
    // The review is published when the article is approved; before that, when the verdict was set.
    datePublished: article.approvedAt ?? claim.verdictAt ?? data.exportedAt,
    reviewRating: {
      "@type": "Rating",
      alternateName: VERDICT_LABELS[verdict],
      ...(ratingValue === null ? {} : { ratingValue, bestRating: BEST_RATING, worstRating: WORST_RATING }),
    },
    ...(claim.verdictRationale ? { reviewBody: claim.verdictRationale } : {}),
    itemReviewed: {
      "@type": "Claim",
      ...(claimAuthor ? { author: claimAuthor } : {}),
      ...(article.publishedAt ? { datePublished: article.publishedAt } : {}),
      ...(appearance ? { appearance } : {}),
      ...(origin
        ? { firstAppearance: { "@type": "CreativeWork" as const, url: toUri(origin.url), ...(origin.title ? { headline: origin.title } : {}) } }
        : {}),
    },
  };
}

/** Who made the claim: its speaker; for a claim the article states itself, the article's author or publisher. */
function authorOf(claim: ExportClaim, data: ArticleExport): Person | Organization | undefined {
  if (claim.speaker) return { "@type": speakerType(claim.speaker), name: claim.speaker };
  if (claim.tag !== "stated") return undefined;
  if (data.article.author) return { "@type": "Person", name: data.article.author };
  if (data.article.publisher) return { "@type": "Organization", name: data.article.publisher };
  return undefined;
}
