import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildClaimReviews, RATING_VALUES, speakerType, toClaimReviewExport, type ClaimReviewOptions } from "./claimreview";
import { buildSampleArticle } from "./testdata/sample-article";
import { VERDICT_LABELS, VERDICTS, type ArticleExport } from "./types";

const sample = buildSampleArticle();
const options: ClaimReviewOptions = { publisher: { name: "Example Fact Desk", url: "https://factdesk.example.org/" } };

// What Google's Fact Check markup documentation requires (url, claimReviewed,
// reviewRating.alternateName) and recommends, with the types it names.
const dateTime = z.iso.datetime({ offset: true });
const agent = z.object({ "@type": z.enum(["Person", "Organization"]), name: z.string().min(1) });
const creativeWork = z.object({ "@type": z.literal("CreativeWork"), url: z.url() });
const googleClaimReview = z.object({
  "@context": z.literal("https://schema.org"),
  "@type": z.literal("ClaimReview"),
  url: z.url(),
  claimReviewed: z.string().min(1),
  author: z.object({ "@type": z.literal("Organization"), name: z.string().min(1) }),
  datePublished: dateTime,
  reviewRating: z.object({ "@type": z.literal("Rating"), alternateName: z.string().min(1) }),
  itemReviewed: z.object({ "@type": z.literal("Claim"), author: agent, datePublished: dateTime, appearance: creativeWork }),
});
const numericRating = z
  .object({ ratingValue: z.number().int(), bestRating: z.number().int(), worstRating: z.number().int() })
  .refine((r) => r.worstRating <= r.ratingValue && r.ratingValue <= r.bestRating, "ratingValue outside worstRating..bestRating");

/** The sample with its first claim given each verdict in turn. */
function withVerdict(verdict: (typeof VERDICTS)[number]): ArticleExport {
  return { ...sample, claims: sample.claims.map((c, i) => ({ ...c, verdict: i === 0 ? verdict : null })) };
}

describe("buildClaimReviews", () => {
  const reviews = buildClaimReviews(sample, options);

  it("makes one review per claim with a verdict, in claim order", () => {
    const rated = sample.claims.filter((c) => c.verdict);
    expect(reviews.map((r) => r.claimReviewed)).toEqual(rated.map((c) => c.text));
    expect(reviews).toHaveLength(8);
  });

  it.each(VERDICTS.map((v) => [v]))("has Google's required and recommended properties for a %s verdict", (verdict) => {
    const [review] = buildClaimReviews(withVerdict(verdict), options);
    expect(googleClaimReview.safeParse(review).error).toBeUndefined();
    expect(review?.reviewRating.alternateName).toBe(VERDICT_LABELS[verdict]);
    if (verdict === "unproven") {
      // Off the true–false scale: no number that would place it on it.
      expect(review?.reviewRating).toEqual({ "@type": "Rating", alternateName: "Unproven" });
    } else {
      expect(numericRating.safeParse(review?.reviewRating).error).toBeUndefined();
      expect(review?.reviewRating).toMatchObject({ ratingValue: RATING_VALUES[verdict], bestRating: 5, worstRating: 1 });
    }
  });

  it("orders the scale from false (worst) to true (best)", () => {
    const values = ["false", "mostly_false", "mixed", "mostly_true", "true"] as const;
    expect(values.map((v) => RATING_VALUES[v])).toEqual([1, 2, 3, 4, 5]);
    expect(RATING_VALUES.misleading).toBe(RATING_VALUES.mostly_false);
  });

  it("links each review to its claim on the report page, and names the desk as author", () => {
    const first = reviews[0];
    expect(first?.url).toBe("https://claimtrack.example.org/articles/art_ottawa/report#claim-c01");
    expect(first?.author).toEqual({ "@type": "Organization", name: "Example Fact Desk", url: "https://factdesk.example.org/" });
    expect(first?.datePublished).toBe(sample.article.approvedAt);
    expect(first?.reviewBody).toBe(sample.claims[0]?.verdictRationale);
  });

  it("uses a given public page instead of the report, keeping the claim anchor", () => {
    const [first] = buildClaimReviews(sample, { ...options, reviewPageUrl: "https://factdesk.example.org/checks/ottawa#top" });
    expect(first?.url).toBe("https://factdesk.example.org/checks/ottawa#claim-c01");
  });

  it("names the speaker as the claim's author, the article as its appearance and the origin source as its first", () => {
    const first = reviews[0];
    expect(first?.itemReviewed).toEqual({
      "@type": "Claim",
      author: { "@type": "Organization", name: "The military forces of Poland, Latvia, Estonia and Lithuania" },
      datePublished: "2025-03-18T16:45:00.000Z",
      appearance: {
        "@type": "CreativeWork",
        url: "https://news.example.com/2025/03/ottawa-treaty-withdrawal",
        headline: sample.article.title,
        datePublished: "2025-03-18T16:45:00.000Z",
        author: { "@type": "Person", name: "A. Reporter" },
        publisher: { "@type": "Organization", name: "Example News" },
      },
      firstAppearance: {
        "@type": "CreativeWork",
        url: "https://www.gov.pl/web/national-defence/joint-statement",
        headline: 'Joint statement of the Ministers of Defence, "Ottawa" withdrawal',
      },
    });
  });

  it("takes the article's author as the author of a claim the article states itself", () => {
    const treaty = reviews.find((r) => r.claimReviewed.startsWith("The Ottawa Treaty"));
    expect(treaty?.itemReviewed.author).toEqual({ "@type": "Person", name: "A. Reporter" });
  });

  it("falls back to the verdict date before approval, and has no appearance without an article URL", () => {
    const draft: ArticleExport = { ...sample, article: { ...sample.article, url: null, approvedAt: null, reviewState: "in_review" } };
    const [first] = buildClaimReviews(draft, options);
    expect(first?.datePublished).toBe(sample.claims[0]?.verdictAt);
    expect(first?.itemReviewed.appearance).toBeUndefined();
  });

  it("serialises to a JSON-LD array and is empty without verdicts", () => {
    expect(JSON.parse(toClaimReviewExport(sample, options))).toEqual(reviews);
    expect(buildClaimReviews({ ...sample, claims: sample.claims.map((c) => ({ ...c, verdict: null })) }, options)).toEqual([]);
  });

  it("cannot close the script tag it is pasted into, yet parses to the same text", () => {
    const hostile = "</script><script>alert(1)</script> & <!-- \u2028";
    const data: ArticleExport = { ...sample, claims: sample.claims.map((c) => ({ ...c, verdictRationale: hostile, speaker: hostile })) };
    const out = toClaimReviewExport(data, options);
    expect(out).not.toMatch(/[<>&\u2028]/);
    expect(out).toContain("\\u003c/script\\u003e");
    expect(JSON.parse(out)).toEqual(buildClaimReviews(data, options));
    expect((JSON.parse(out) as { reviewBody: string }[])[0]!.reviewBody).toBe(hostile);
  });
});

describe("speakerType", () => {
  it.each([
    ["Finnish Defense Minister Janne Jaakkola", "Person"],
    ["Janne Jaakkola", "Person"],
    ["Maria Zakharova", "Person"],
    ["The foreign ministry spokeswoman", "Person"],
    ["Russia", "Organization"],
    ["Russia's foreign ministry", "Organization"],
    ["The governments of the four NATO member states bordering Russia", "Organization"],
    ["officials", "Organization"],
    ["The joint statement", "Organization"],
  ] as const)("%s → %s", (speaker, type) => {
    expect(speakerType(speaker)).toBe(type);
  });
});
