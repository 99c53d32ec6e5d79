import search from "approx-string-match";
import { QUOTE_CONTEXT } from "./quote";
import { trimSpan } from "./segment";
import { isCharBoundary, isInsideWord, segmentAround } from "./text-units";
import type { QuoteSelector, Span } from "./types";

/*
 * Finding a quote in a new revision: exact occurrences, approximate matches inside
 * bounded windows, and the Hypothesis-style score that ranks them by the quote, its
 * prefix and suffix, and the distance from where the diff says it should be
 * (hypothesis/client src/annotator/anchoring/match-quote.ts).
 */

/** Most edits a changed claim may carry, as a share of its length (a typo fix, a reworded clause). */
export const MAX_ERROR_RATIO = 0.25;

/**
 * From this length a quote is distinctive enough to trust on its own; a shorter one
 * ("He denied it.") must also find its context, or be the only occurrence on both sides.
 */
export const LONG_QUOTE = 32;

/** Edits allowed for a quote of this text. */
export function maxErrorsFor(exact: string): number {
  return Math.floor(exact.length * MAX_ERROR_RATIO);
}

const row: number[] = [];

/** Levenshtein distance, O(a·b): for context strings of a few dozen characters only. */
function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/**
 * Levenshtein distance when it is at most `k`, else k + 1. Only a diagonal band of
 * width 2k + 1 is computed, O(length × k): a changed claim is bounded by MAX_ERROR_RATIO,
 * so this is exact where it matters and cheap where it does not.
 */
export function boundedLevenshtein(a: string, b: string, k: number): number {
  const over = k + 1;
  if (a === b) return 0;
  // Common ends cost nothing; most changed claims differ in a few words in the middle.
  let head = 0;
  const shorter = Math.min(a.length, b.length);
  while (head < shorter && a.charCodeAt(head) === b.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < shorter - head && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const n = x.length;
  const m = y.length;
  if (Math.abs(n - m) > k || lowerBound(x, y) > k) return over;
  const ys = new Uint16Array(m);
  for (let j = 0; j < m; j++) ys[j] = y.charCodeAt(j);
  let prev = new Int32Array(m + 2);
  let cur = new Int32Array(m + 2);
  for (let j = 0; j <= m + 1; j++) prev[j] = j <= k ? j : over;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - k);
    const hi = Math.min(m, i + k);
    let left = lo === 1 && i <= k ? i : over;
    cur[lo - 1] = left;
    let diagonal = prev[lo - 1]!;
    let rowMin = left;
    const ca = x.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const up = prev[j]!;
      let value = ca === ys[j - 1] ? diagonal : diagonal + 1;
      if (up + 1 < value) value = up + 1;
      if (left + 1 < value) value = left + 1;
      if (value > over) value = over;
      cur[j] = value;
      if (value < rowMin) rowMin = value;
      left = value;
      diagonal = up;
    }
    // Cells just outside the band read as "too far" in the next row.
    cur[hi + 1] = over;
    if (rowMin > k) return over;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[m]!, over);
}

const counts = new Int32Array(128);

/**
 * A lower bound on the edit distance from letter counts: each edit changes the count of
 * at most two characters by one (ASCII counted per character, the rest lumped together).
 */
function lowerBound(x: string, y: string): number {
  counts.fill(0);
  let other = 0;
  for (let i = 0; i < x.length; i++) {
    const c = x.charCodeAt(i);
    if (c < 128) counts[c]!++;
    else other++;
  }
  for (let i = 0; i < y.length; i++) {
    const c = y.charCodeAt(i);
    if (c < 128) counts[c]!--;
    else other--;
  }
  let surplus = Math.max(0, other);
  let deficit = Math.max(0, -other);
  for (const v of counts) {
    if (v > 0) surplus += v;
    else deficit -= v;
  }
  return Math.max(surplus, deficit);
}

/** 1 − Levenshtein distance / the longer length; 1 for two empty strings. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - levenshtein(a, b) / longer;
}

function prefixAt(text: string, start: number, quote: QuoteSelector): string {
  return text.slice(Math.max(0, start - Math.max(QUOTE_CONTEXT, quote.prefix.length)), start);
}

function suffixAt(text: string, end: number, quote: QuoteSelector): string {
  return text.slice(end, end + Math.max(QUOTE_CONTEXT, quote.suffix.length));
}

/**
 * True when the text on at least one side (or both) of [start, end) is exactly the
 * quote's non-empty prefix or suffix. The window buildQuoteSelector used is compared,
 * so a prefix cut short by the start of the old text only matches at the same distance
 * from the start of the new one. An empty side (the claim ended the text) proves little.
 */
export function hasIntactContext(text: string, span: Span, quote: QuoteSelector, sides: "either" | "both" = "either"): boolean {
  const isPrefixIntact = quote.prefix !== "" && prefixAt(text, span.start, quote) === quote.prefix;
  const isSuffixIntact = quote.suffix !== "" && suffixAt(text, span.end, quote) === quote.suffix;
  return sides === "both" ? isPrefixIntact && isSuffixIntact : isPrefixIntact || isSuffixIntact;
}

/** How well the text around [start, end) matches the quote's prefix and suffix, 0..1. */
export function contextScore(text: string, span: Span, quote: QuoteSelector): number {
  return (similarity(prefixAt(text, span.start, quote), quote.prefix) + similarity(suffixAt(text, span.end, quote), quote.suffix)) / 2;
}

/** A place the quote may now be, with the edits it takes and its rank. */
export type Candidate = Span & { errors: number; context: number; score: number };

/** Ranks a candidate as Hypothesis does: quote 50, prefix and suffix 20 each, proximity 2 (a tie-breaker). */
export function scoreCandidate(text: string, span: Span, errors: number, quote: QuoteSelector, hint: number): Candidate {
  const context = contextScore(text, span, quote);
  const quoteScore = 1 - errors / Math.max(1, quote.exact.length);
  const proximity = 1 - Math.abs(span.start - hint) / Math.max(1, text.length);
  return { ...span, errors, context, score: (50 * quoteScore + 40 * context + 2 * proximity) / 92 };
}

/** Offsets of the occurrences of `needle` in `text`, at most `limit` of them. */
export function findOccurrences(text: string, needle: string, limit = 1000): number[] {
  const found: number[] = [];
  if (needle === "") return found;
  for (let at = text.indexOf(needle); at !== -1 && found.length < limit; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** Widens a match so it neither cuts a word or a character, and trims its white space; null if nothing is left. */
export function snapMatch(text: string, span: Span): Span | null {
  let { start, end } = span;
  while (start > 0 && isInsideWord(text, start)) start--;
  while (end < text.length && isInsideWord(text, end)) end++;
  if (!isCharBoundary(text, start)) start = segmentAround(text, start, "char")?.start ?? start;
  if (!isCharBoundary(text, end)) end = segmentAround(text, end, "char")?.end ?? end;
  return trimSpan(text, start, end);
}

/**
 * Approximate matches of the quote (at most maxErrors edits) inside the given windows of
 * the text, snapped to word edges, with their edit distance (maxErrors + 1 when over).
 * Costs about window length × ⌈quote length / 32⌉ steps (approx-string-match's
 * bit-parallel search).
 */
export function searchWindows(text: string, exact: string, windows: readonly Span[], maxErrors: number): (Span & { errors: number })[] {
  const seen = new Set<string>();
  const found: (Span & { errors: number })[] = [];
  for (const w of windows) {
    for (const m of search(text.slice(w.start, w.end), exact, maxErrors)) {
      const span = snapMatch(text, { start: w.start + m.start, end: w.start + m.end });
      const key = span && `${span.start}:${span.end}`;
      if (!span || !key || seen.has(key)) continue;
      seen.add(key);
      found.push({ ...span, errors: boundedLevenshtein(exact, text.slice(span.start, span.end), maxErrors) });
    }
  }
  return found;
}

/** Sorts windows and joins those that overlap, clamped to [0, length). */
export function mergeWindows(windows: readonly Span[], length: number): Span[] {
  const sorted = windows
    .map((w) => ({ start: Math.max(0, w.start), end: Math.min(length, w.end) }))
    .filter((w) => w.end > w.start)
    .sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const w of sorted) {
    const last = merged[merged.length - 1];
    if (last && w.start <= last.end) last.end = Math.max(last.end, w.end);
    else merged.push({ ...w });
  }
  return merged;
}
