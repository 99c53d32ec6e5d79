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
const NULLABLE = [
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
] as const satisfies readonly (keyof ClaimView)[];

export function packClaims(text: string, claims: readonly ClaimView[]): PackedClaim[] {
  return claims.map((claim) => {
    const packed: PackedClaim = { ...claim };
    for (const key of NULLABLE) if (packed[key] === null) delete packed[key];
    if (claim.sources.length === 0) delete packed.sources;
    if (text.slice(claim.start, claim.end) === claim.text) delete packed.text;
    return packed;
  });
}

export function unpackClaims(text: string, packed: readonly PackedClaim[]): ClaimView[] {
  return packed.map((claim) => {
    const view = { ...claim } as ClaimView;
    for (const key of NULLABLE) view[key] ??= null;
    view.sources ??= [];
    view.text ??= text.slice(claim.start, claim.end);
    return view;
  });
}
