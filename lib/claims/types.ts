/** A half-open range [start, end) of UTF-16 code unit offsets into a text. */
export type Span = { start: number; end: number };

/** Hypothesis-style quote selector: the exact text with some context on each side. */
export type QuoteSelector = { exact: string; prefix: string; suffix: string };
