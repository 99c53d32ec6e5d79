import type { Span } from "./types";

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/**
 * Splits text into sentence spans over the original string, trimmed of surrounding
 * white space. Paragraphs (line breaks) always end a sentence.
 *
 * Segments per paragraph: Intl.Segmenter over one long string copies the whole input
 * into every segment on Node 20 (see ../shared/STACK.md), so memory stays linear here.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const paragraph = /[^\n]+/g;
  for (let m = paragraph.exec(text); m !== null; m = paragraph.exec(text)) {
    for (const seg of segmenter.segment(m[0])) {
      const span = trimSpan(text, m.index + seg.index, m.index + seg.index + seg.segment.length);
      if (span) spans.push(span);
    }
  }
  return spans;
}

/** Narrows [start, end) to exclude leading and trailing white space; null when blank. */
export function trimSpan(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return s < e ? { start: s, end: e } : null;
}
