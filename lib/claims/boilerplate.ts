import type { Span } from "./types";

/*
 * Page furniture that text copied or extracted from a news site keeps: a "Read more" link,
 * an "Advertisement" label, a share or newsletter prompt. Alone on its line it is split
 * off as a "sentence" of one or two words that no one would check. The list is short and
 * literal on purpose: a heading or a short real sentence ("Prices rose", "Subscribers
 * left.") must stay a claim, so only these phrases, as a whole line, without a full stop,
 * question or exclamation mark, are left out. The text stays in the article, offsets unchanged.
 */
export const BOILERPLATE_PHRASES = [
  "read more",
  "read more here",
  "continue reading",
  "advertisement",
  "skip advertisement",
  "story continues below advertisement",
  "sponsored content",
  "share this article",
  "share this story",
  "share this",
  "subscribe",
  "subscribe now",
  "sign up for our newsletter",
  "sign up to our newsletter",
  "sign up for our newsletters",
  "follow us",
  "related articles",
  "related stories",
] as const;

const PHRASES = new Set<string>(BOILERPLATE_PHRASES);
/** Link decoration around such a line: "» Read more →", "Share this article:", "Read more…". */
const DECORATION = /^[\s»›>→▸▶•|:–—-]+|(?:[\s»›>→▸▶|:–—-]|…|\.\.\.)+$/gu;
const isLineBreak = (c: string) => c === "\n" || c === "\r" || c === "\u2028" || c === "\u2029" || c === "\u0085";

/** Whether the span is the whole of its line: only white space between it and the line breaks around it. */
function isWholeLine(text: string, span: Span): boolean {
  for (let i = span.start - 1; i >= 0 && !isLineBreak(text[i]!); i--) if (text[i]!.trim() !== "") return false;
  for (let i = span.end; i < text.length && !isLineBreak(text[i]!); i++) if (text[i]!.trim() !== "") return false;
  return true;
}

/**
 * Whether a span of split text is page furniture (BOILERPLATE_PHRASES) rather than a
 * sentence: the whole of its line, one of the phrases (in any case, with link decoration
 * such as "»" or a trailing "…"), and not ended by a full stop, question or exclamation mark.
 */
export function isBoilerplateLine(text: string, span: Span): boolean {
  const exact = text.slice(span.start, span.end);
  if (exact.length > 60 || /(?<!\.\.)[.!?]$/.test(exact)) return false;
  const phrase = exact.replace(DECORATION, "").replace(/\s+/g, " ").toLowerCase();
  return PHRASES.has(phrase) && isWholeLine(text, span);
}
