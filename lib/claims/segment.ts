import { BEFORE_NUMBER, CALENDAR_WORDS, CAPITALISED, GENERAL, SENTENCE_OPENERS, TITLES } from "./abbreviations";
import { findListMarkers, type ListMarker } from "./list-markers";
import type { Span } from "./types";

/*
 * A single-pass sentence scanner over the original string. It looks only at candidate
 * terminators (. ! ? …), line breaks and list markers, and decides each with a few
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
const CLOSERS = new Set(["\"", "'", "”", "’", "»", "›", ")", "]", "}"]);
/** Opening quotes and brackets skipped when reading the first word of the next sentence. */
const OPENERS = new Set(["\"", "'", "“", "‘", "«", "‹", "(", "[", "{", "„"]);

/** True for the characters JavaScript's `\s` matches. */
export function isSpaceCode(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 0x85) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function isLineBreak(c: number): boolean {
  return c === NEWLINE || c === RETURN || c === 0x2028 || c === 0x2029 || c === 0x85;
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isLower(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Letters, digits, and the marks that live inside abbreviations ("U.S.", "N°"). */
function isWordChar(ch: string): boolean {
  return ch === "." || ch === "°" || ch === "º" || ch === "&" || ch.toLowerCase() !== ch.toUpperCase() || (ch >= "0" && ch <= "9");
}

/** The first word after `from` on the same line, skipping blanks and opening quotes. */
function readNextWord(text: string, from: number, lineEnd: number): string {
  let i = from;
  while (i < lineEnd && isSpaceCode(text.charCodeAt(i))) i++;
  while (i < lineEnd && OPENERS.has(text[i]!)) i++;
  let j = i;
  while (j < lineEnd && /[\p{L}\p{N}'’-]/u.test(text[j]!)) j++;
  return text.slice(i, j);
}

/** Longest token looked at around a period: abbreviations are short, and the bound keeps
 * the scanner linear on text without blanks (base64, long URLs). */
const MAX_TOKEN = 64;

/** The token that ends at the period at `dot` ("U.S", "Mr", "com"). */
function readWordBefore(text: string, dot: number, lineStart: number): string {
  let i = dot;
  const stop = Math.max(lineStart, dot - MAX_TOKEN);
  while (i > stop && isWordChar(text[i - 1]!)) i--;
  return text.slice(i, dot);
}

type Context = { text: string; lineStart: number; lineEnd: number; segStart: number };

/** Counts the words of the current sentence before `at`, up to `limit` (for "a.m."). */
function countWords(text: string, from: number, at: number, limit: number): number {
  let words = 0;
  let inWord = false;
  for (let i = at - 1; i >= from && words < limit; i--) {
    const space = isSpaceCode(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/**
 * Decides a single period at `dot` followed by blank space: is it a sentence end?
 * Called only once the next word is known not to start in lower case.
 */
function periodEnds(ctx: Context, dot: number, next: string): boolean {
  const word = readWordBefore(ctx.text, dot, ctx.lineStart).replace(/^[.]+/, "");
  // "Tuesday.Mr" (glued sentences) is looked up as "Mr"; "U.S" and "100.00" stay whole.
  const bare = /^(\p{L}\.)+\p{L}$/u.test(word) || /^[\d.,]+$/.test(word) ? word : word.slice(word.lastIndexOf(".") + 1);
  const key = bare.toLowerCase();
  const nextKey = next.toLowerCase();
  const nextIsNumber = next !== "" && isDigitCode(next.charCodeAt(0));
  const isOpener = SENTENCE_OPENERS.has(nextKey);
  if (bare === "") return true;
  if (nextIsNumber && (BEFORE_NUMBER.has(key) || GENERAL.has(key) || CAPITALISED.has(bare))) return false;
  if (TITLES.has(key)) return false;
  // Multi-period abbreviations: "U.S.", "a.m.", "D.C.".
  if (/^(\p{L}\.)+\p{L}$/u.test(bare)) {
    if (/^[ap]\.m$/i.test(bare)) {
      // "At 5 a.m. Mr. Smith went" vs "He left at 6 P.M. Mr. Smith then went": a time at
      // the end of a clause of several words closes it; a fronted time does not.
      if (next === "" || !isUpper(next[0]!) || CALENDAR_WORDS.has(nextKey)) return false;
      return isOpener || countWords(ctx.text, ctx.segStart, dot, 4) >= 4;
    }
    return isOpener;
  }
  if (GENERAL.has(key) || CAPITALISED.has(bare)) return isOpener;
  // One letter: an initial ("Jonas E. Smith") unless a sentence opener follows.
  if (bare.length === 1 && isUpper(bare)) {
    if (isOpener) return true;
    const before = readWordBefore(ctx.text, dot - bare.length - 1, ctx.lineStart);
    const prevIsName = before !== "" && isUpper(before[0]!);
    return !prevIsName && !isUpper(next[0] ?? "");
  }
  if (bare.length === 1 && isLower(bare)) return isOpener;
  return true;
}

/**
 * "Hello world.Today is": a period between a lower-case letter or digit and a capital
 * followed by lower case, outside URLs and e-mail addresses, is a missing space.
 */
function isGlued(ctx: Context, dot: number): boolean {
  const { text, lineStart, lineEnd } = ctx;
  const prev = text[dot - 1] ?? "";
  const next = text[dot + 1] ?? "";
  const nextNext = text[dot + 2] ?? "";
  if (!(isLower(prev) || (prev >= "0" && prev <= "9")) || !isUpper(next) || !isLower(nextNext)) return false;
  let s = dot;
  while (s > lineStart && dot - s < MAX_TOKEN && !isSpaceCode(text.charCodeAt(s - 1))) s--;
  let e = dot;
  while (e < lineEnd && e - dot < MAX_TOKEN && !isSpaceCode(text.charCodeAt(e))) e++;
  const token = text.slice(s, e);
  if (/@|:\/\/|www\.|\.(com|org|net|gov|edu|io)\b/i.test(token)) return false;
  const word = readWordBefore(text, dot, lineStart);
  const last = word.slice(word.lastIndexOf(".") + 1).toLowerCase();
  return !TITLES.has(last) && !GENERAL.has(last) && !BEFORE_NUMBER.has(last);
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
function decide(ctx: Context, i: number): { boundary: number; resume: number } {
  const { text, lineEnd } = ctx;
  const c = text.charCodeAt(i);
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
  const ctx: Context = { text, lineStart: 0, lineEnd: 0, segStart: 0 };
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

function scanLine(ctx: Context, spans: Span[]): void {
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
    if (c !== DOT && c !== BANG && c !== QUERY && c !== ELLIPSIS) {
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

/** Narrows [start, end) to exclude leading and trailing white space; null when blank. */
export function trimSpan(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  return s < e ? { start: s, end: e } : null;
}
