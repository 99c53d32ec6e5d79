import "server-only";
import { buildQuoteSelector } from "@/lib/claims/quote";
import { suggestTags } from "@/lib/claims/suggest";
import type { Span, Suggestion } from "@/lib/claims/types";

/** The stored columns of a suggestion (tag and confidence as columns, the rest as JSON). */
export function suggestionColumns(s: Suggestion | undefined) {
  return {
    suggestedTag: s?.tag ?? null,
    suggestedConfidence: s?.confidence ?? null,
    suggestion: s ? JSON.stringify({ reasons: s.reasons, speaker: s.speaker, cue: s.cue, splitAt: s.splitAt }) : null,
  };
}

/** The columns that follow a claim's span: its text, quote selector and a fresh suggestion. */
export function spanColumns(text: string, span: Span) {
  const quote = buildQuoteSelector(text, span);
  return {
    start: span.start,
    end: span.end,
    text: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    ...suggestionColumns(suggestTags(text, [span])[0]),
  };
}
