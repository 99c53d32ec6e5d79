/** A half-open range [start, end) of UTF-16 code unit offsets into a text. */
export type Span = { start: number; end: number };

/** Hypothesis-style quote selector: the exact text with some context on each side. */
export type QuoteSelector = { exact: string; prefix: string; suffix: string };

/** A stretch of the article that a suggestion points at (a speaker or a cue). */
export type TextRef = { start: number; end: number; text: string };

/** The tag suggested for one claim, with the evidence an editor reads before accepting it. */
export type Suggestion = {
  tag: "stated" | "attributed" | "disputed";
  /** 0..1; "Accept all above N%" compares against it. */
  confidence: number;
  /** Editor-readable evidence, e.g. "cue 'denied'", "speaker 'Russia'". */
  reasons: string[];
  speaker: TextRef | null;
  cue: TextRef | null;
  /** Absolute offset where the claim could be split into two claims, else null. */
  splitAt: number | null;
};
