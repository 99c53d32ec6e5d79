import { isSpaceCode } from "./periods";
import type { Span } from "./types";

/*
 * Characters, words and their edges in UTF-16 text. Offsets are code units (what
 * String.prototype.slice takes); these helpers keep edges off the middle of a surrogate
 * pair or a grapheme cluster (👍🏽, é written as e + U+0301).
 *
 * Word and grapheme edges come from Intl.Segmenter run over a small window around the
 * offset, never the whole article: on Node 20 a segmenter over one long string copies
 * the input into every segment (see segment.ts).
 */

export type Unit = "word" | "char";

const SEGMENTERS = {
  word: new Intl.Segmenter(undefined, { granularity: "word" }),
  char: new Intl.Segmenter(undefined, { granularity: "grapheme" }),
};

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** True when offset `i` falls between the two halves of a surrogate pair. */
export function isInsideSurrogatePair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));
}

/** The code point that ends at offset `i`, or -1 at the start of the text. */
export function codePointBefore(text: string, i: number): number {
  if (i <= 0) return -1;
  const c = text.charCodeAt(i - 1);
  if (isLow(c) && i >= 2 && isHigh(text.charCodeAt(i - 2))) return text.codePointAt(i - 2)!;
  return c;
}

/** The code point that starts at offset `i`, or -1 at the end of the text. */
export function codePointAfter(text: string, i: number): number {
  return i < text.length ? text.codePointAt(i)! : -1;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** True for letters, digits and combining marks, in any script. */
export function isWordCodePoint(cp: number): boolean {
  if (cp < 0) return false;
  if (cp < 128) return (cp >= 48 && cp <= 57) || ((cp | 32) >= 97 && (cp | 32) <= 122);
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

/**
 * True when offset `i` cuts a word or a surrogate pair in two. Cheap (no segmenter): the
 * revision diff calls it at every hunk edge.
 */
export function isInsideWord(text: string, i: number): boolean {
  return isInsideSurrogatePair(text, i) || (isWordCodePoint(codePointBefore(text, i)) && isWordCodePoint(codePointAfter(text, i)));
}

/** A segment of the text: a word, a run of white space, a punctuation mark, an emoji. */
type Segment = Span & { isSpace: boolean };

/** The word (or grapheme) segment containing the code unit at `i`, with absolute offsets. */
function segmentContaining(text: string, i: number, unit: Unit): Segment {
  for (let radius = 64; ; radius *= 4) {
    let from = Math.max(0, i - radius);
    let to = Math.min(text.length, i + radius);
    if (isInsideSurrogatePair(text, from)) from--;
    if (isInsideSurrogatePair(text, to)) to++;
    const found = SEGMENTERS[unit].segment(text.slice(from, to)).containing(i - from);
    if (found === undefined) return { start: i, end: i + 1, isSpace: isSpaceCode(text.charCodeAt(i)) };
    const start = from + found.index;
    const end = start + found.segment.length;
    // A segment touching a window edge may continue beyond it: look again, wider.
    const isCut = (start === from && from > 0) || (end === to && to < text.length);
    if (!isCut || (from === 0 && to === text.length)) {
      return { start, end, isSpace: isSpaceCode(found.segment.charCodeAt(0)) };
    }
  }
}

/** True when offset `i` is a grapheme-cluster boundary (never inside 👍🏽 or a surrogate pair). */
export function isCharBoundary(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return true;
  return segmentContaining(text, i, "char").start === i;
}

/**
 * The first word, punctuation mark or emoji (unit "word") or the first character (unit
 * "char") that ends after offset `i`, skipping white space; clipped to start at `i` when
 * `i` is inside it. Null at the end of the text.
 */
export function tokenAfter(text: string, i: number, unit: Unit): Span | null {
  for (let j = i; j < text.length; ) {
    const seg = segmentContaining(text, j, unit);
    if (!seg.isSpace) return { start: Math.max(seg.start, i), end: seg.end };
    j = seg.end;
  }
  return null;
}

/** The last non-space token that starts before offset `i`, clipped to end at `i`; see tokenAfter. */
export function tokenBefore(text: string, i: number, unit: Unit): Span | null {
  for (let j = i; j > 0; ) {
    const seg = segmentContaining(text, j - 1, unit);
    if (!seg.isSpace) return { start: seg.start, end: Math.min(seg.end, i) };
    j = seg.start;
  }
  return null;
}

/**
 * The segment (a word for unit "word", a character for "char") that offset `i` cuts in
 * two, or null when `i` is already on its edge.
 */
export function segmentAround(text: string, i: number, unit: Unit): Span | null {
  if (i <= 0 || i >= text.length) return null;
  const seg = segmentContaining(text, i, unit);
  return seg.start < i ? { start: seg.start, end: seg.end } : null;
}
