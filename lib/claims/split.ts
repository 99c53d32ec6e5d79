import { isBoilerplateLine } from "./boilerplate";
import { splitSentences } from "./segment";
import type { Span } from "./types";

/**
 * Splits an article's text into claim spans. This is the one entry point the import
 * path uses, so the splitting strategy can change without touching its callers. Lines of
 * page furniture ("Read more", "Advertisement": lib/claims/boilerplate.ts) are sentences
 * to the splitter but are not offered as claims.
 */
export function splitClaims(text: string): Span[] {
  return splitSentences(text).filter((span) => !isBoilerplateLine(text, span));
}
