import type { QuoteSelector, Span } from "./types";

/** Context kept on each side of a quote, as Hypothesis does. */
export const QUOTE_CONTEXT = 32;

/** Builds the quote selector for a span of text. */
export function buildQuoteSelector(text: string, span: Span): QuoteSelector {
  return {
    exact: text.slice(span.start, span.end),
    prefix: text.slice(Math.max(0, span.start - QUOTE_CONTEXT), span.start),
    suffix: text.slice(span.end, span.end + QUOTE_CONTEXT),
  };
}
