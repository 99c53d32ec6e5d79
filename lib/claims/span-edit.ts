import { isSpaceCode } from "./periods";
import { trimSpan } from "./segment";
import { isCharBoundary, segmentAround, tokenAfter, tokenBefore, type Unit } from "./text-units";
import type { Span } from "./types";

/*
 * Span editing for the annotate page and for the server, which re-validates every edit
 * it receives with the same functions. Every result is exact: text.slice(start, end) is
 * the claim's text, trimmed of white space, never cutting a character (a surrogate pair
 * or a grapheme cluster such as 👍🏽) in two. Failures come back as a sentence an editor
 * can read (and a screen reader can announce), not as exceptions.
 */

/** The outcome of an edit: the new span(s), or why the edit was refused. */
export type SpanEdit<T> = { ok: true; value: T } | { ok: false; error: string };

function refuse(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

/** Checks that a span is a valid claim of `text`: whole offsets in range, non-empty, trimmed, whole characters; returns the problem or null. */
export function validateSpan(text: string, span: Span): string | null {
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return "Offsets must be whole numbers.";
  if (start < 0 || end > text.length) return `The span ${start}–${end} is outside the text (0–${text.length}).`;
  if (end < start) return "The span ends before it starts.";
  if (end === start) return "The span is empty.";
  if (isSpaceCode(text.charCodeAt(start))) return "The span starts with white space.";
  if (isSpaceCode(text.charCodeAt(end - 1))) return "The span ends with white space.";
  if (!isCharBoundary(text, start) || !isCharBoundary(text, end)) return "The span cuts a character in two.";
  return null;
}

/** Splits a claim at offset `at` into two trimmed halves; refuses a split that leaves an empty half. */
export function splitSpan(text: string, span: Span, at: number): SpanEdit<[Span, Span]> {
  const invalid = validateSpan(text, span);
  if (invalid) return refuse(invalid);
  if (!Number.isInteger(at) || at <= span.start || at >= span.end) return refuse("The split point must be inside the claim.");
  if (!isCharBoundary(text, at)) return refuse("The split point cuts a character in two.");
  const left = trimSpan(text, span.start, at);
  const right = trimSpan(text, at, span.end);
  if (!left || !right) return refuse("The split would leave an empty claim.");
  return { ok: true, value: [left, right] };
}

/**
 * Where a split asked for at `at` should fall: `at` itself between words, else the nearer
 * edge of the word it cuts (the start on a tie) that still leaves text on both sides. A
 * caret dropped inside "contin|ues" splits before "continues", not into "contin" and "ues".
 */
export function splitPointNear(text: string, span: Span, at: number): number {
  const word = segmentAround(text, at, "word");
  if (!word) return at;
  // Opening quotes and brackets go with the word after the split, closing ones (and a
  // full stop) with the word before: 'the “Eas|tern Shield”' splits before the “.
  let start = word.start;
  while (start > span.start && OPENING.test(text[start - 1]!)) start--;
  let end = word.end;
  while (end < span.end && CLOSING.test(text[end]!)) end++;
  const edges = at - word.start <= word.end - at ? [start, end] : [end, start];
  return edges.find((edge) => edge > span.start && edge < span.end) ?? at;
}

const OPENING = /["'“‘«‹(\[{¿¡]/;
const CLOSING = /["'”’»›)\]}.,;:!?…]/;

/** Merges two overlapping, nested or adjacent claims (only white space between them) into one span covering both. */
export function mergeSpans(text: string, a: Span, b: Span): SpanEdit<Span> {
  const invalid = validateSpan(text, a) ?? validateSpan(text, b);
  if (invalid) return refuse(invalid);
  const [first, second] = a.start <= b.start ? [a, b] : [b, a];
  if (second.start > first.end && text.slice(first.end, second.start).trim() !== "") {
    return refuse("Only adjacent or overlapping claims can be merged: there is text between them.");
  }
  return { ok: true, value: { start: first.start, end: Math.max(first.end, second.end) } };
}

/**
 * Moves one edge of a claim by one word (a word, punctuation mark or emoji) or one
 * character, outward (grow) or inward (shrink); white space is stepped over, so the edge
 * always lands next to text. Refuses a move that would empty the claim or leave the text.
 */
export function adjustBoundary(text: string, span: Span, edge: "start" | "end", direction: -1 | 1, unit: Unit): SpanEdit<Span> {
  const invalid = validateSpan(text, span);
  if (invalid) return refuse(invalid);
  const { start, end } = span;
  const isGrowing = (edge === "start") === (direction === -1);
  if (isGrowing) {
    const token = edge === "end" ? tokenAfter(text, end, unit) : tokenBefore(text, start, unit);
    if (!token) return refuse(edge === "end" ? "The claim already reaches the end of the text." : "The claim already starts at the beginning of the text.");
    return { ok: true, value: edge === "end" ? { start, end: token.end } : { start: token.start, end } };
  }
  // Shrinking: drop the edge token, then the white space that uncovers.
  if (edge === "end") {
    const dropped = tokenBefore(text, end, unit);
    const kept = dropped && tokenBefore(text, dropped.start, unit);
    if (!kept || kept.end <= start) return refuse("The claim cannot get any shorter.");
    return { ok: true, value: { start, end: kept.end } };
  }
  const dropped = tokenAfter(text, start, unit);
  const kept = dropped && tokenAfter(text, dropped.end, unit);
  if (!kept || kept.start >= end) return refuse("The claim cannot get any shorter.");
  return { ok: true, value: { start: kept.start, end } };
}

/**
 * Cleans up a mouse selection: trims white space and, unless `extendToWords` is false,
 * widens an edge that falls inside a word to that word's edge. An edge inside a
 * character (👍🏽, a surrogate pair) is always widened to the whole character.
 */
export function snapToWords(text: string, span: Span, options: { extendToWords?: boolean } = {}): SpanEdit<Span> {
  if (!Number.isFinite(span.start) || !Number.isFinite(span.end)) return refuse("Offsets must be numbers.");
  const start = Math.max(0, Math.min(text.length, Math.trunc(span.start)));
  const end = Math.max(start, Math.min(text.length, Math.trunc(span.end)));
  const trimmed = trimSpan(text, start, end);
  if (!trimmed) return refuse("The selection has no text.");
  const unit = (options.extendToWords ?? true) ? "word" : "char";
  return {
    ok: true,
    value: {
      start: segmentAround(text, trimmed.start, unit)?.start ?? trimmed.start,
      end: segmentAround(text, trimmed.end, unit)?.end ?? trimmed.end,
    },
  };
}
