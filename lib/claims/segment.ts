import { SENTENCE_OPENERS } from "./abbreviations";
import { findListMarkers, type ListMarker } from "./list-markers";
import { isDigitCode, isGlued, isLower, isSpaceCode, isUpper, periodEnds, readNextWord, type ScanContext } from "./periods";
import type { Span } from "./types";

/*
 * A single-pass sentence scanner over the original string. It looks only at candidate
 * terminators (. ! ? … and the CJK 。！？), line breaks and list markers, and decides each with a few
 * characters of context, so it runs in linear time and allocates only the spans.
 * Intl.Segmenter was the placeholder: it passes 28/48 Golden Rules and copies the
 * whole input into every segment on Node 20 (../shared/STACK.md); see BENCHMARKS.md.
 */

const DOT = 46; // .
const BANG = 33; // !
const QUERY = 63; // ?
const ELLIPSIS = 0x2026; // …
const NEWLINE = 10;
const RETURN = 13;

/** Closing quotes and brackets that belong to the sentence they follow (`solutions.”`). */
const CLOSERS = new Set(["\"", "'", "”", "’", "»", "›", ")", "]", "}", "」", "』", "）", "】", "》", "〉", "］"]);

/** Chinese and Japanese full stops, exclamation and question marks: they need no blank after them. */
function isCjkTerminator(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff0e;
}

/**
 * A CJK terminator ends the sentence after any closers, except inside a quotation that the
 * sentence goes on from: 「はい。」と言った。 is one sentence.
 */
function decideCjk(text: string, i: number, lineEnd: number): { boundary: number; resume: number } {
  let after = i + 1;
  while (after < lineEnd && isCjkTerminator(text.charCodeAt(after))) after++;
  let isQuoted = false;
  while (after < lineEnd && CLOSERS.has(text[after]!)) {
    if (text[after] === "」" || text[after] === "』") isQuoted = true;
    after++;
  }
  if (after >= lineEnd || (isQuoted && !isSpaceCode(text.charCodeAt(after)))) return { boundary: -1, resume: after };
  return { boundary: after, resume: after };
}

function isLineBreak(c: number): boolean {
  return c === NEWLINE || c === RETURN || c === 0x2028 || c === 0x2029 || c === 0x85;
}

/** Where the dot group at `i` ends, how many dots it has, and whether it is spaced (". . ."). */
function readDots(text: string, i: number, lineEnd: number): { end: number; dots: number; spaced: boolean } {
  let end = i;
  let dots = 0;
  let spaced = false;
  for (;;) {
    const c = text.charCodeAt(end);
    if (end < lineEnd && (c === DOT || c === ELLIPSIS)) {
      dots += c === ELLIPSIS ? 3 : 1;
      end++;
    } else if (end + 1 < lineEnd && c === 32 && text.charCodeAt(end + 1) === DOT && dots > 0) {
      spaced = true;
      end++;
    } else {
      return { end, dots, spaced };
    }
  }
}

/**
 * Decides the terminator at `i`. Returns the boundary offset (the sentence ends there)
 * or -1, and the offset to continue scanning from.
 */
function decide(ctx: ScanContext, i: number): { boundary: number; resume: number } {
  const { text, lineEnd } = ctx;
  const c = text.charCodeAt(i);
  if (isCjkTerminator(c)) return decideCjk(text, i, lineEnd);
  let end: number;
  let dots = 0;
  let spaced = false;
  if (c === BANG || c === QUERY) {
    end = i + 1;
    while (end < lineEnd && /[!?.‽]/.test(text[end]!)) end++;
  } else {
    ({ end, dots, spaced } = readDots(text, i, lineEnd));
    // A spaced group can swallow a blank that belongs after it: ". . . ." then " Next".
    while (end > i && text.charCodeAt(end - 1) === 32) end--;
  }
  let after = end;
  while (after < lineEnd && CLOSERS.has(text[after]!)) after++;
  const resume = Math.max(after, i + 1);
  if (after >= lineEnd) return { boundary: -1, resume };
  // No blank after the punctuation: a decimal, a URL, "Jr.'s", an e-mail address, or
  // two sentences glued together ("world.Today").
  if (!isSpaceCode(text.charCodeAt(after))) {
    return { boundary: c === DOT && dots === 1 && isGlued(ctx, i) ? i + 1 : -1, resume };
  }
  const next = readNextWord(text, after, lineEnd);
  if (next === "") return { boundary: after, resume };
  const first = next[0]!;
  if (isLower(first)) return { boundary: -1, resume };
  if (c === BANG || c === QUERY) return { boundary: after, resume };
  const before = text[i - 1] ?? " ";
  if (dots === 1 && !spaced) return { boundary: periodEnds(ctx, i, next) ? after : -1, resume };
  // Ellipses. Bracketed omissions ("[...]") never end a sentence.
  if (before === "[" || before === "(") return { boundary: -1, resume };
  const attached = !isSpaceCode(text.charCodeAt(i - 1));
  if (spaced) {
    // "compounds. . . . The": a period, then an ellipsis that opens the next sentence.
    if (attached && dots >= 4) return { boundary: isUpper(first) ? i + 1 : -1, resume };
    // ". . . ." (four spaced dots) ends a sentence; ". . ." (three) is an omission.
    return { boundary: dots >= 4 && isUpper(first) ? after : -1, resume };
  }
  if (dots >= 4) return { boundary: isUpper(first) ? after : -1, resume };
  return { boundary: SENTENCE_OPENERS.has(next.toLowerCase()) && next !== "I" ? after : -1, resume };
}

/**
 * Splits text into sentence spans over the original string, trimmed of surrounding
 * white space. A line break always ends a sentence.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const n = text.length;
  const ctx: ScanContext = { text, lineStart: 0, lineEnd: 0, segStart: 0 };
  let lineStart = 0;
  while (lineStart <= n) {
    let lineEnd = lineStart;
    while (lineEnd < n && !isLineBreak(text.charCodeAt(lineEnd))) lineEnd++;
    ctx.lineStart = lineStart;
    ctx.lineEnd = lineEnd;
    ctx.segStart = lineStart;
    scanLine(ctx, spans);
    pushTrimmed(spans, text, ctx.segStart, lineEnd);
    lineStart = lineEnd + 1;
  }
  return spans;
}

function scanLine(ctx: ScanContext, spans: Span[]): void {
  const { text, lineStart, lineEnd } = ctx;
  // Only lines that open with a list marker pay for the marker search.
  const first = text.charCodeAt(lineStart);
  const markers: ListMarker[] =
    lineStart < lineEnd && (isDigitCode(first) || isSpaceCode(first) || first > 0x60 || first === 42 || first === 45)
      ? findListMarkers(text, lineStart, lineEnd)
      : [];
  let m = 0;
  let i = markers.length > 0 ? markers[m++]!.end : lineStart;
  let nextMarker = m < markers.length ? markers[m]!.start : -1;
  while (i < lineEnd) {
    if (i === nextMarker) {
      const marker = markers[m++]!;
      pushTrimmed(spans, text, ctx.segStart, marker.start);
      ctx.segStart = marker.start;
      i = marker.end;
      nextMarker = m < markers.length ? markers[m]!.start : -1;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c !== DOT && c !== BANG && c !== QUERY && c !== ELLIPSIS && !isCjkTerminator(c)) {
      i++;
      continue;
    }
    const { boundary, resume } = decide(ctx, i);
    if (boundary !== -1 && (nextMarker === -1 || boundary <= nextMarker)) {
      pushTrimmed(spans, text, ctx.segStart, boundary);
      ctx.segStart = boundary;
    }
    i = nextMarker !== -1 && resume > nextMarker ? nextMarker : resume;
  }
}

function pushTrimmed(spans: Span[], text: string, start: number, end: number): void {
  const span = trimSpan(text, start, end);
  if (span) spans.push(span);
}

export { isSpaceCode };

/** Narrows [start, end) to exclude leading and trailing white space; null when blank. */
export function trimSpan(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  return s < e ? { start: s, end: e } : null;
}
