import "server-only";
import crypto from "node:crypto";
import { insertRows, type Tx } from "@/lib/db";
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

const CLAIM_COLUMNS = [
  "id",
  "articleId",
  "revisionId",
  "start",
  "end",
  "text",
  "prefix",
  "suffix",
  "suggestedTag",
  "suggestedConfidence",
  "suggestion",
  "createdAt",
  "updatedAt",
];

/**
 * Inserts new claims for spans of a revision's text in bulk (imports, new sentences of a
 * revision), each with its quote selector and suggestion; returns their ids in order.
 */
export async function insertClaims(
  tx: Tx,
  claims: {
    articleId: string;
    revisionId: string;
    text: string;
    spans: readonly Span[];
    suggestions: readonly (Suggestion | undefined)[];
  },
): Promise<string[]> {
  const now = new Date();
  const ids = claims.spans.map(() => crypto.randomUUID());
  await insertRows(
    tx,
    "Claim",
    CLAIM_COLUMNS,
    claims.spans.map((span, i) => {
      const quote = buildQuoteSelector(claims.text, span);
      const s = suggestionColumns(claims.suggestions[i]);
      return [
        ids[i]!,
        claims.articleId,
        claims.revisionId,
        span.start,
        span.end,
        quote.exact,
        quote.prefix,
        quote.suffix,
        s.suggestedTag,
        s.suggestedConfidence,
        s.suggestion,
        now,
        now,
      ];
    }),
  );
  return ids;
}
