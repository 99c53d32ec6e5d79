import { QUOTE_CONTEXT } from "./quote";
import { LONG_QUOTE, findOccurrences, hasIntactContext, maxErrorsFor, mergeWindows, scoreCandidate, searchWindows, snapMatch, type Candidate } from "./quote-match";
import { diffRanges, editDistance, mapOffset, type HunkRange, type MappedOffset } from "./revision-diff";
import { isInsideSurrogatePair } from "./text-units";
import type { QuoteSelector, Span } from "./types";

export { attachClaimsToHunks, revisionDiff, type RevisionHunk } from "./revision-diff";

/*
 * Re-anchoring claims onto a new revision of an article, in three passes:
 *
 * 1. position — one diff of the two texts (revision-diff.ts) maps each claim's offsets;
 *    if the new text there is the quote and one side of its context is intact, done.
 *    Most claims of a corrected article end here, in microseconds each.
 * 2. quote — the exact quote anywhere in the new text (a moved paragraph), ranked by
 *    prefix/suffix and nearness to the mapped position. A place already taken by
 *    another claim is skipped, so two copies of a sentence do not collapse onto one.
 * 3. changed — the diff-mapped span when both its edges survived and it is within
 *    MAX_ERROR_RATIO edits of the quote; else an approximate search, not over the whole
 *    text but around the mapped position and inside the inserted hunks (where a moved
 *    and edited paragraph lands), under a total work budget.
 *
 * "anchored" always means the new text is exactly the quote; any difference is
 * "changed"; nothing found is "orphaned", with null offsets, and is still returned.
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
 * Approximate-search steps (characters × 32-character pattern blocks) one call may
 * spend, about 150 ms here. Only texts that share almost nothing reach it; claims
 * past it are orphaned, which is what they would mostly be anyway.
 */
const FUZZY_BUDGET = 30_000_000;

type Pending = { claim: ClaimAnchor; isOldValid: boolean; start: MappedOffset; end: MappedOffset };
type Found = { span: Span; method: NonNullable<AnchorResult["method"]> };

/** Re-anchors claims from `oldText` onto `newText`: one result per claim, in input order, never dropping one. */
export function reanchorClaims(oldText: string, newText: string, claims: readonly ClaimAnchor[]): AnchorResult[] {
  const ranges = diffRanges(oldText, newText);
  const taken = new Set<string>();
  const found = new Map<string, Found>();
  // Claims with the same offsets and quote are anchored once and share the result.
  const groups = new Map<string, Pending>();
  for (const claim of claims) {
    const key = `${claim.start}:${claim.end}:${claim.quote.exact}`;
    if (groups.has(key)) continue;
    const { start, end, quote } = claim;
    const isOldValid = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= oldText.length && oldText.slice(start, end) === quote.exact;
    const clamp = (n: number) => Math.max(0, Math.min(oldText.length, Number.isFinite(n) ? Math.trunc(n) : 0));
    groups.set(key, { claim, isOldValid, start: mapOffset(ranges, clamp(start), "start"), end: mapOffset(ranges, clamp(end), "end") });
  }
  const pending = [...groups.entries()].filter(([, p]) => p.claim.quote.exact !== "").sort(([, a], [, b]) => a.claim.start - b.claim.start);
  const settle = (key: string, span: Span, method: Found["method"]) => {
    found.set(key, { span: { start: span.start, end: span.end }, method });
    taken.add(`${span.start}:${span.end}`);
  };

  for (const [key, p] of pending) {
    const span = { start: p.start.offset, end: p.end.offset };
    const { quote } = p.claim;
    if (p.isOldValid && p.start.isExact && p.end.isExact && newText.startsWith(quote.exact, span.start) && span.end - span.start === quote.exact.length && hasIntactContext(newText, span, quote)) {
      settle(key, span, "position");
    }
  }
  for (const [key, p] of pending) {
    if (found.has(key)) continue;
    const match = findExactQuote(oldText, newText, p, taken);
    if (match) settle(key, match, "quote");
  }
  const budget = { left: FUZZY_BUDGET };
  const insertions = [...ranges].sort((a, b) => b.newEnd - b.newStart - (a.newEnd - a.newStart));
  for (const [key, p] of pending) {
    if (found.has(key)) continue;
    const mapped = mappedChange(newText, p, taken);
    if (mapped) {
      settle(key, mapped, "position");
      continue;
    }
    const match = findFuzzyQuote(newText, p, { taken, insertions, budget });
    if (match) settle(key, match, "fuzzy");
  }

  return claims.map((claim) => {
    const hit = found.get(`${claim.start}:${claim.end}:${claim.quote.exact}`);
    if (!hit || isInsideSurrogatePair(newText, hit.span.start) || isInsideSurrogatePair(newText, hit.span.end)) {
      return { id: claim.id, status: "orphaned", start: null, end: null, text: null, method: null };
    }
    const text = newText.slice(hit.span.start, hit.span.end);
    const errors = editDistance(claim.quote.exact, text);
    return {
      id: claim.id,
      status: errors === 0 ? "anchored" : "changed",
      ...hit.span,
      text,
      method: hit.method,
      similarity: Math.max(0, 1 - errors / claim.quote.exact.length),
    };
  });
}

/** Pass 2: the best free exact occurrence, if its context or length makes it believable. */
function findExactQuote(oldText: string, newText: string, p: Pending, taken: Set<string>): Span | null {
  const { exact } = p.claim.quote;
  const starts = findOccurrences(newText, exact).filter((s) => !taken.has(`${s}:${s + exact.length}`));
  let best: Candidate | null = null;
  for (const s of starts) {
    const c = scoreCandidate(newText, { start: s, end: s + exact.length }, 0, p.claim.quote, p.start.offset);
    if (!best || c.score > best.score) best = c;
  }
  if (!best) return null;
  const isUnique = findOccurrences(newText, exact, 2).length === 1 && findOccurrences(oldText, exact, 2).length === 1;
  return exact.length >= LONG_QUOTE || best.context >= 0.5 || isUnique ? best : null;
}

/** Pass 3a: both edges survived the diff and the text between is within the edit bound. */
function mappedChange(newText: string, p: Pending, taken: Set<string>): Span | null {
  if (!p.isOldValid || !p.start.isExact || !p.end.isExact) return null;
  const span = snapMatch(newText, { start: p.start.offset, end: p.end.offset });
  if (!span || taken.has(`${span.start}:${span.end}`)) return null;
  return editDistance(p.claim.quote.exact, newText.slice(span.start, span.end)) <= maxErrorsFor(p.claim.quote.exact) ? span : null;
}

type FuzzyContext = { taken: Set<string>; insertions: readonly HunkRange[]; budget: { left: number } };

/** Pass 3b: approximate search around the mapped position and inside large inserted hunks. */
function findFuzzyQuote(newText: string, p: Pending, { taken, insertions, budget }: FuzzyContext): Span | null {
  const { quote } = p.claim;
  const maxErrors = maxErrorsFor(quote.exact);
  if (maxErrors === 0) return null;
  const slack = maxErrors + QUOTE_CONTEXT;
  const local = {
    start: (p.start.isExact || !p.start.range ? p.start.offset : p.start.range.newStart) - slack,
    end: Math.max(p.end.isExact || !p.end.range ? p.end.offset : p.end.range.newEnd, p.start.offset + quote.exact.length) + slack,
  };
  const moved: Span[] = [];
  for (const h of insertions) {
    if (h.newEnd - h.newStart < quote.exact.length - maxErrors) break;
    moved.push({ start: h.newStart - slack, end: h.newEnd + slack });
  }
  const blocks = Math.ceil(quote.exact.length / 32);
  const cost = (ws: Span[]) => ws.reduce((sum, w) => sum + (w.end - w.start) * blocks, 0);
  let windows = mergeWindows([local, ...moved], newText.length);
  if (cost(windows) > budget.left) windows = mergeWindows([local], newText.length);
  if (cost(windows) > budget.left) return null;
  budget.left -= cost(windows);

  let best: Candidate | null = null;
  for (const m of searchWindows(newText, quote.exact, windows, maxErrors)) {
    if (m.errors > maxErrors || taken.has(`${m.start}:${m.end}`)) continue;
    const c = scoreCandidate(newText, m, m.errors, quote, p.start.offset);
    if (!best || c.score > best.score) best = c;
  }
  if (!best) return null;
  return quote.exact.length >= LONG_QUOTE || best.context >= 0.5 ? best : null;
}
