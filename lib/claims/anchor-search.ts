import { QUOTE_CONTEXT } from "./quote";
import { LONG_QUOTE, boundedLevenshtein, findOccurrences, maxErrorsFor, mergeWindows, scoreCandidate, searchWindows, snapMatch, type Candidate } from "./quote-match";
import type { HunkRange, MappedOffset } from "./revision-diff";
import type { QuoteSelector, Span } from "./types";

/*
 * The searches behind passes 2 and 3 of reanchorClaims (anchor.ts), for one claim each.
 * `taken` holds the new spans already given to a claim ("start:end"), which no other
 * claim may take.
 */

/** A claim on its way through the passes: its old offsets mapped through the diff. */
export type Pending = { quote: QuoteSelector; isOldValid: boolean; old: Span; start: MappedOffset; end: MappedOffset };

/** A place found for a claim, with the edits between its quote and the text there. */
export type Placement = Span & { errors: number };

/** A match of a short quote needs half its context; a long one is distinctive enough alone. */
export function isBelievable(exact: string, context: number): boolean {
  return exact.length >= LONG_QUOTE || context >= 0.5;
}

/** Pass 2: the free exact occurrences worth offering this claim, best first (at most 20). */
export function exactOffers(oldText: string, newText: string, p: Pending, taken: ReadonlySet<string>): Candidate[] {
  const { exact } = p.quote;
  const starts = findOccurrences(newText, exact);
  // A quote found once in each text needs no context: nothing else could be meant.
  const isUnique = starts.length === 1 && findOccurrences(oldText, exact, 2).length === 1;
  return starts
    .filter((s) => !taken.has(`${s}:${s + exact.length}`))
    .map((s) => scoreCandidate(newText, { start: s, end: s + exact.length }, 0, p.quote, p.start.offset))
    .filter((c) => isUnique || isBelievable(exact, c.context))
    .sort((a, b) => b.score - a.score)
    .slice(0, 20);
}

/**
 * Share of a claim's text (old or new, the longer) that may change in place when its
 * context on both sides is intact: "He denied it." → "He strongly denied it." is 9 edits
 * of 13 characters, past MAX_ERROR_RATIO, yet nothing else can be meant.
 */
export const IN_PLACE_ERROR_RATIO = 0.5;

/** True when the text on both sides of `span` is the quote's prefix and suffix (an empty one only at the text's edge). */
function isContextIntact(newText: string, span: Span, { prefix, suffix }: QuoteSelector): boolean {
  const isPrefixIntact = prefix === "" ? span.start === 0 : newText.slice(Math.max(0, span.start - prefix.length), span.start) === prefix;
  const isSuffixIntact = suffix === "" ? span.end === newText.length : newText.slice(span.end, span.end + suffix.length) === suffix;
  return isPrefixIntact && isSuffixIntact;
}

/**
 * Pass 2: both edges survived the diff and the text between is within the edit bound
 * (MAX_ERROR_RATIO, or IN_PLACE_ERROR_RATIO when the context on both sides is intact).
 */
export function mappedChange(newText: string, p: Pending, taken: ReadonlySet<string>): Placement | null {
  if (!p.isOldValid || !p.start.isExact || !p.end.isExact) return null;
  const span = snapMatch(newText, { start: p.start.offset, end: p.end.offset });
  if (!span || taken.has(`${span.start}:${span.end}`)) return null;
  const longer = Math.max(p.quote.exact.length, span.end - span.start);
  const maxErrors = isContextIntact(newText, span, p.quote)
    ? Math.max(maxErrorsFor(p.quote.exact), Math.floor(longer * IN_PLACE_ERROR_RATIO))
    : maxErrorsFor(p.quote.exact);
  const errors = boundedLevenshtein(p.quote.exact, newText.slice(span.start, span.end), maxErrors);
  // The quote itself at its place is pass 1's to accept, or pass 3's to weigh against copies.
  return errors > 0 && errors <= maxErrors ? { ...span, errors } : null;
}

/**
 * True when the claims just before and after pending[i] (in old order, not overlapping
 * it) were both found and now sit closer together than its quote is long.
 */
export function isSlotClosed(pending: readonly (readonly [string, Pending])[], i: number, found: ReadonlyMap<string, Span>): boolean {
  const [, p] = pending[i]!;
  const [prevKey, prev] = pending[i - 1] ?? [];
  const [nextKey, next] = pending[i + 1] ?? [];
  if (!prev || !next || prev.old.end > p.old.start || next.old.start < p.old.end) return false;
  const before = found.get(prevKey!);
  const after = found.get(nextKey!);
  return !!before && !!after && after.start - before.end < p.quote.exact.length - maxErrorsFor(p.quote.exact);
}

/** True when the claim's old place did not survive the diff: it was deleted, or moved. */
export function isPlaceGone(p: Pending): boolean {
  const length = p.quote.exact.length;
  return !p.start.isExact || !p.end.isExact || p.end.offset - p.start.offset < length - maxErrorsFor(p.quote.exact);
}

/**
 * Stretches of new text made of hunks less than a context length apart, longest first:
 * where a moved (and edited) paragraph can land. The character-level diff may align a
 * few words of a moved paragraph with the text it displaced, cutting its insertion into
 * pieces each shorter than a sentence, so pieces are joined again here.
 */
export function insertedRegions(ranges: readonly HunkRange[]): Span[] {
  const regions: Span[] = [];
  for (const h of ranges) {
    const last = regions[regions.length - 1];
    if (last && h.newStart - last.end <= QUOTE_CONTEXT) last.end = h.newEnd;
    else if (h.newEnd > h.newStart) regions.push({ start: h.newStart, end: h.newEnd });
  }
  return regions.sort((a, b) => b.end - b.start - (a.end - a.start));
}

/** Shared state of pass 3b: inserted regions, places taken, and the search steps left. */
export type FuzzyContext = { taken: ReadonlySet<string>; insertions: readonly Span[]; budget: { left: number } };

/**
 * Pass 3b: approximate search around the mapped position first, then inside the large
 * inserted regions, while the budget lasts: characters searched × 32-character pattern
 * blocks, plus a quote length per window for the search's set-up and match starts.
 */
export function findFuzzyQuote(newText: string, p: Pending, { taken, insertions, budget }: FuzzyContext): Placement | null {
  const { quote } = p;
  const length = quote.exact.length;
  const maxErrors = maxErrorsFor(quote.exact);
  if (maxErrors === 0) return null;
  const slack = maxErrors + QUOTE_CONTEXT;
  // From the mapped place out to the hunks that make its edges uncertain.
  const at = p.start.offset;
  const low = p.start.range ? p.start.range.newStart : at;
  const high = Math.max(p.end.range ? p.end.range.newEnd : p.end.offset, (p.start.range ? p.start.range.newEnd : at) + length);
  const local = mergeWindows([{ start: low - slack, end: high + slack }], newText.length);
  const blocks = Math.ceil(length / 32);
  const cost = (ws: readonly Span[]) => ws.reduce((sum, w) => sum + (w.end - w.start + length) * blocks, 0);
  // The regions a moved copy could fit in, costed before any window is built: on a
  // revision that changed everything there are thousands, and the budget says no.
  const fitting = insertions.findIndex((h) => h.end - h.start < length - maxErrors);
  const movedCount = fitting === -1 ? insertions.length : fitting;
  let movedCost = 0;
  for (let i = 0; i < movedCount && movedCost <= budget.left; i++) movedCost += (insertions[i]!.end - insertions[i]!.start + 2 * slack + length) * blocks;
  const moved = () => mergeWindows(insertions.slice(0, movedCount).map((h) => ({ start: h.start - slack, end: h.end + slack })), newText.length);
  for (const windows of [local, movedCost <= budget.left - cost(local) ? moved() : []]) {
    if (!windows.length || cost(windows) > budget.left) continue;
    budget.left -= cost(windows);
    let best: Candidate | null = null;
    for (const m of searchWindows(newText, quote.exact, windows, maxErrors)) {
      if (m.errors > maxErrors || taken.has(`${m.start}:${m.end}`)) continue;
      const c = scoreCandidate(newText, m, m.errors, quote, at);
      if (!best || c.score > best.score) best = c;
    }
    if (best && isBelievable(quote.exact, best.context)) return { start: best.start, end: best.end, errors: best.errors };
  }
  return null;
}
