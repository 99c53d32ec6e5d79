import { exactOffers, findFuzzyQuote, insertedRegions, isPlaceGone, isSlotClosed, mappedChange, type FuzzyContext, type Pending, type Placement } from "./anchor-search";
import { LONG_QUOTE, findOccurrences, hasIntactContext } from "./quote-match";
import { diffRanges, mapOffset } from "./revision-diff";
import { isInsideSurrogatePair } from "./text-units";
import type { QuoteSelector } from "./types";

export { attachClaimsToHunks, revisionDiff, type RevisionHunk } from "./revision-diff";

/*
 * Re-anchoring claims onto a new revision of an article. One diff of the two texts
 * (revision-diff.ts) maps every claim's old offsets, then four passes, each over the
 * claims the earlier ones left:
 *
 * 1. position — the quote is at the mapped offsets and one side of its context is
 *    intact (both, for a short quote with other copies). Most claims of a corrected
 *    article end here, in microseconds each.
 * 2. changed in place — both edges survived the diff and the text between is within
 *    MAX_ERROR_RATIO (25%) edits of the quote, or half the claim's length when its
 *    context on both sides is intact (a short claim reworded where it stands):
 *    status "changed", method "position".
 * 3. quote — the exact quote anywhere (a moved paragraph, or in place with its context
 *    changed), ranked by prefix/suffix and nearness to the mapped position, best offers
 *    first across all claims. A place taken by another claim is skipped, so copies of
 *    a sentence never collapse onto one.
 * 4. fuzzy — approx-string-match within 25% edits, not over the whole text but around
 *    the mapped position, then inside the inserted regions (where a moved and edited
 *    paragraph lands), under a total work budget.
 *
 * The status is decided on the text alone: "anchored" means the new text is exactly
 * the quote, any difference is "changed", and a claim not found is "orphaned", with
 * null offsets, and still returned.
 */

/** A claim to re-anchor: its offsets in the old text and its quote selector. */
export type ClaimAnchor = { id: string; start: number; end: number; quote: QuoteSelector };

/** How a claim fared: where it now is, its text there, and how it was found. */
export type AnchorResult = {
  id: string;
  status: "anchored" | "changed" | "orphaned";
  start: number | null;
  end: number | null;
  text: string | null;
  method: "position" | "quote" | "fuzzy" | null;
  /** 1 − edits / quote length: 1 when anchored, below 1 when changed; absent when orphaned. */
  similarity?: number;
};

/**
 * Approximate-search steps one call may spend (see findFuzzyQuote), about 100 ms on the
 * machine of BENCHMARKS.md. Only revisions that share little with the old text reach
 * it; claims past it are orphaned, which is what they would mostly be anyway.
 */
const FUZZY_BUDGET = 2_000_000;

type Found = Placement & { method: NonNullable<AnchorResult["method"]> };

/** Re-anchors claims from `oldText` onto `newText`: one result per claim, in input order, never dropping one. */
export function reanchorClaims(oldText: string, newText: string, claims: readonly ClaimAnchor[]): AnchorResult[] {
  const ranges = diffRanges(oldText, newText);
  const taken = new Set<string>();
  const found = new Map<string, Found>();
  const keyOf = (c: ClaimAnchor) => `${c.start}:${c.end}:${c.quote.exact}`;
  // Claims with the same offsets and quote are anchored once and share the result.
  const groups = new Map<string, Pending>();
  for (const { start, end, quote } of claims) {
    const key = keyOf({ id: "", start, end, quote });
    if (groups.has(key) || quote.exact === "") continue;
    const isOldValid = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= oldText.length && oldText.slice(start, end) === quote.exact;
    const clamp = (n: number) => Math.max(0, Math.min(oldText.length, Number.isFinite(n) ? Math.trunc(n) : 0));
    const old = { start: clamp(start), end: clamp(end) };
    groups.set(key, { quote, isOldValid, old, start: mapOffset(ranges, old.start, "start"), end: mapOffset(ranges, old.end, "end") });
  }
  const pending = [...groups.entries()].sort(([, a], [, b]) => a.old.start - b.old.start || a.old.end - b.old.end);
  const open = () => pending.filter(([key]) => !found.has(key));
  const settle = (key: string, at: Placement, method: Found["method"]) => {
    found.set(key, { start: at.start, end: at.end, errors: at.errors, method });
    taken.add(`${at.start}:${at.end}`);
  };
  const mappedSpan = (p: Pending) => ({ start: p.start.offset, end: p.end.offset, errors: 0 });
  const isQuoteAtMappedPlace = (p: Pending) =>
    p.isOldValid && p.start.isExact && p.end.isExact && p.end.offset - p.start.offset === p.quote.exact.length && newText.startsWith(p.quote.exact, p.start.offset);

  // 1. position: the quote at its mapped place with one side of its context intact. A
  // short quote ("They failed.") can sit there by coincidence when the text around it
  // moved, so it needs both sides, or to be the only copy; otherwise it competes with
  // its other copies in pass 3, where the mapped place still counts as nearest.
  for (const [key, p] of pending) {
    const span = mappedSpan(p);
    if (!isQuoteAtMappedPlace(p) || !hasIntactContext(newText, span, p.quote)) continue;
    const isSure = p.quote.exact.length >= LONG_QUOTE || hasIntactContext(newText, span, p.quote, "both") || findOccurrences(newText, p.quote.exact, 2).length === 1;
    if (isSure) settle(key, span, "position");
  }
  // 2. changed in place: both edges survived the diff and the text between is within
  // the edit bound. Before any search, because a claim is a place in the article: a
  // typo fixed in it must not send it to an untouched copy of the sentence elsewhere.
  for (const [key, p] of open()) {
    const at = mappedChange(newText, p, taken);
    if (at) settle(key, at, "position");
  }
  // A claim whose old neighbours both stayed and closed up the gap it left was deleted
  // (or moved out alone): when two claims want one copy of a sentence, it yields.
  const closed = new Set(pending.filter((_, i) => isSlotClosed(pending, i, found)).map(([key]) => key));
  // 3. quote: exact quotes elsewhere, assigned best score first across all claims, so
  // that of two claims with the same sentence each gets the copy that fits it best.
  const offers = open().flatMap(([key, p]) => exactOffers(oldText, newText, p, taken).map((c) => ({ key, c, rank: c.score - (closed.has(key) ? 0.1 : 0) })));
  offers.sort((a, b) => b.rank - a.rank);
  for (const { key, c } of offers) {
    if (!found.has(key) && !taken.has(`${c.start}:${c.end}`)) settle(key, { ...c, errors: 0 }, "quote");
  }
  // 4. fuzzy: approximate search, claims whose old place is gone (moved, most likely)
  // first and those whose slot closed last, so the budget and the places go to the
  // likeliest first.
  const fuzzy: FuzzyContext = { taken, insertions: insertedRegions(ranges), budget: { left: FUZZY_BUDGET } };
  const priority = ([key, p]: [string, Pending]) => (isPlaceGone(p) ? 0 : 1) + (closed.has(key) ? 2 : 0);
  for (const [key, p] of open().sort((a, b) => priority(a) - priority(b))) {
    const at = findFuzzyQuote(newText, p, fuzzy);
    if (at) settle(key, at, "fuzzy");
  }

  return claims.map((claim) => {
    const hit = found.get(keyOf(claim));
    if (!hit || isInsideSurrogatePair(newText, hit.start) || isInsideSurrogatePair(newText, hit.end)) {
      return { id: claim.id, status: "orphaned", start: null, end: null, text: null, method: null };
    }
    const text = newText.slice(hit.start, hit.end);
    return {
      id: claim.id,
      // Decided on the text itself, whatever the pass: "anchored" means identical.
      status: text === claim.quote.exact ? "anchored" : "changed",
      start: hit.start,
      end: hit.end,
      text,
      method: hit.method,
      similarity: Math.max(0, 1 - hit.errors / claim.quote.exact.length),
    };
  });
}
