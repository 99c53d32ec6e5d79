import { BEFORE_NUMBER, CALENDAR_WORDS, CAPITALISED, GENERAL, SENTENCE_OPENERS, TITLES } from "./abbreviations";

/*
 * The decisions the sentence scanner takes at a single period: abbreviation, initial,
 * number, time, or sentence end. Split from segment.ts, which owns the scan itself.
 */

/** Opening quotes and brackets skipped when reading the first word of the next sentence. */
const OPENERS = new Set(["\"", "'", "“", "‘", "«", "‹", "(", "[", "{", "„"]);

/** Where the scanner is: the line and the start of the current sentence. */
export type ScanContext = { text: string; lineStart: number; lineEnd: number; segStart: number };

/** True for the characters JavaScript's `\s` matches. */
export function isSpaceCode(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 0x85) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** True for an upper-case letter. */
export function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** True for a lower-case letter. */
export function isLower(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** True for an ASCII digit code. */
export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Letters, digits, and the marks that live inside abbreviations ("U.S.", "N°"). */
function isWordChar(ch: string): boolean {
  return ch === "." || ch === "°" || ch === "º" || ch === "&" || ch.toLowerCase() !== ch.toUpperCase() || (ch >= "0" && ch <= "9");
}

/** The first word after `from` on the same line, skipping blanks and opening quotes. */
export function readNextWord(text: string, from: number, lineEnd: number): string {
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
export function periodEnds(ctx: ScanContext, dot: number, next: string): boolean {
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
export function isGlued(ctx: ScanContext, dot: number): boolean {
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
