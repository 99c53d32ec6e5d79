import type { ClaimView } from "@/lib/data/views";

/**
 * Claim views, packed for the annotate page's payload. The page hands every claim to the
 * browser in React's RSC payload, which is written into the HTML once more: for an
 * article of 100 claims that payload was two thirds of the page, and for 10,000 claims
 * the page weighed 13.6 MB (BENCHMARKS.md). Most of a claim is derivable or empty: its
 * text is the article text between its offsets, and a fresh claim's dozen tag, verdict
 * and note fields are null. A packed claim leaves those out and `unpackClaims` puts them
 * back, so everything past the page boundary still works on whole ClaimViews.
 */
export type PackedClaim = Partial<ClaimView> & Pick<ClaimView, "id" | "start" | "end" | "version" | "anchorStatus">;

/** Every field that may be left out when null. */
const OMITTED_WHEN_NULL = new Set<keyof ClaimView>([
  "tag",
  "speaker",
  "cue",
  "note",
  "suggestion",
  "taggedBy",
  "taggedAt",
  "tagOrigin",
  "verdict",
  "verdictRationale",
  "verdictBy",
  "verdictAt",
  "previousText",
]);

// Both directions build each object in one go and never delete a property: `delete`, and
// adding a dozen properties one at a time in an order that differs by claim, left V8 with
// slow dictionary-mode objects. Unpacking 100 claims took about 3 ms that way, on the server
// for every annotate page and again in the browser (BENCHMARKS.md "Load", fifth round).

export function packClaims(text: string, claims: readonly ClaimView[]): PackedClaim[] {
  return claims.map((claim) => {
    const packed: Record<string, unknown> = {};
    for (const key of Object.keys(claim) as (keyof ClaimView)[]) {
      const value = claim[key];
      if (value === null && OMITTED_WHEN_NULL.has(key)) continue;
      if (key === "sources" && claim.sources.length === 0) continue;
      if (key === "text" && text.slice(claim.start, claim.end) === claim.text) continue;
      packed[key] = value;
    }
    return packed as PackedClaim;
  });
}

export function unpackClaims(text: string, packed: readonly PackedClaim[]): ClaimView[] {
  // Every field named, in one literal: the type checker fails here when ClaimView gains one.
  return packed.map((c) => ({
    id: c.id,
    start: c.start,
    end: c.end,
    text: c.text ?? text.slice(c.start, c.end),
    tag: c.tag ?? null,
    speaker: c.speaker ?? null,
    cue: c.cue ?? null,
    note: c.note ?? null,
    version: c.version,
    suggestion: c.suggestion ?? null,
    taggedBy: c.taggedBy ?? null,
    taggedAt: c.taggedAt ?? null,
    tagOrigin: c.tagOrigin ?? null,
    verdict: c.verdict ?? null,
    verdictRationale: c.verdictRationale ?? null,
    verdictBy: c.verdictBy ?? null,
    verdictAt: c.verdictAt ?? null,
    anchorStatus: c.anchorStatus,
    previousText: c.previousText ?? null,
    sources: c.sources ?? [],
  }));
}
