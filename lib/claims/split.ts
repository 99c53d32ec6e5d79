import { splitSentences } from "./segment";
import type { Span } from "./types";

/**
 * Splits an article's text into claim spans. This is the one entry point the import
 * path uses, so the splitting strategy can change without touching its callers.
 */
export function splitClaims(text: string): Span[] {
  return splitSentences(text);
}
