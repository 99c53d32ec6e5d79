import { splitClaims } from "./split";

/**
 * How much of the current revision a new text keeps, sentence by sentence: the share of
 * the current sentences found word for word (spacing aside) in the new text. A low share
 * means most claims would be orphaned, as when a single paragraph is pasted in place of
 * the whole article; the revision form asks before importing such a text.
 */
export function sentenceRetention(current: string, next: string): { kept: number; total: number; share: number } {
  const key = (s: string) => s.replace(/\s+/g, " ").trim();
  const sentences = (text: string) => splitClaims(text).map((s) => key(text.slice(s.start, s.end)));
  const before = sentences(current);
  const after = new Set(sentences(next));
  const kept = before.filter((s) => after.has(s)).length;
  return { kept, total: before.length, share: before.length === 0 ? 1 : kept / before.length };
}
