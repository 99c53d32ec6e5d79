import { analyzeClaim, type ClaimFeatures } from "./similar-features";

// "Already checked": does a claim from another article say the same thing as this one?
//
// Candidates come from the database's full-text search, so they already share words with
// the claim; what is left is to judge whether they share the *claim*. Word overlap alone
// gets that backwards on the cases that matter: "Koang said one soldier was wounded" and
// "Koang said no soldier was wounded" share more words than most honest paraphrases. So the
// score is a lexical similarity, cut down for each conflict that makes two claims
// different however many words they share:
// - negation: one side is negated or denied and the other is not;
// - figure: each side has a figure or date the other lacks (14 against 41, 2009 against 2003);
// - name: each side names someone or something the other does not (Rwanda against Uganda).
// One side adding a figure or a name is taken as detail, not as a different claim.
// The measurements behind these choices are in BENCHMARKS.md ("Already-checked similarity").

export { analyzeClaim, type ClaimFeatures };

export type SimilarityConflict = "negation" | "figure" | "name";

export type ClaimComparison = {
  /** 0..1: the lexical similarity times the factor of each conflict. */
  score: number;
  /** 0..1: word and character overlap, before conflicts. */
  lexical: number;
  conflicts: SimilarityConflict[];
  /** The figures and names each side has alone, to show why a match was marked down. */
  only: { figures: [string[], string[]]; names: [string[], string[]] };
};

/** What each conflict multiplies the score by. */
export const CONFLICT_FACTORS: Record<SimilarityConflict, number> = { negation: 0.2, figure: 0.2, name: 0.2 };

/** The score from which two claims are taken to say the same thing (chosen on the dev half of the pairs). */
export const SIMILARITY_THRESHOLD = 0.25;

/** How similar two claims are, 0..1; at SIMILARITY_THRESHOLD or above they say the same thing. */
export function similarity(a: string, b: string): number {
  return compareFeatures(analyzeClaim(a), analyzeClaim(b)).score;
}

/** Compares two claims, with the conflicts that marked the score down. */
export function compareClaims(a: string, b: string): ClaimComparison {
  return compareFeatures(analyzeClaim(a), analyzeClaim(b));
}

/** Scores candidates against a claim, best first, keeping those at minScore or above (at most limit). */
export function rankSimilar(
  claim: string,
  candidates: readonly { id: string; text: string }[],
  { limit = 10, minScore = SIMILARITY_THRESHOLD }: { limit?: number; minScore?: number } = {},
): { id: string; score: number }[] {
  const query = analyzeClaim(claim);
  return candidates
    .map((c) => ({ id: c.id, score: compareFeatures(query, analyzeClaim(c.text)).score }))
    .filter((r) => r.score >= minScore)
    .sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
    .slice(0, Math.max(0, limit));
}

/** Compares two analysed claims (analyse a claim once to compare it with many). */
export function compareFeatures(a: ClaimFeatures, b: ClaimFeatures): ClaimComparison {
  const lexical = (dice(a.stems, b.stems) + cosine(a.trigrams, b.trigrams)) / 2;
  const figures: [string[], string[]] = [[...a.figures].filter((f) => !b.figures.has(f)), [...b.figures].filter((f) => !a.figures.has(f))];
  const names: [string[], string[]] = [unmatchedNames(a, b), unmatchedNames(b, a)];
  const conflicts: SimilarityConflict[] = [];
  if (a.isNegated !== b.isNegated) conflicts.push("negation");
  if (figures[0].length > 0 && figures[1].length > 0) conflicts.push("figure");
  if (names[0].length > 0 && names[1].length > 0) conflicts.push("name");
  const score = conflicts.reduce((s, c) => s * CONFLICT_FACTORS[c], lexical);
  return { score, lexical, conflicts, only: { figures, names } };
}

/** The names of `a` that `b` does not mention in any form: word, spelling variant, demonym or acronym. */
function unmatchedNames(a: ClaimFeatures, b: ClaimFeatures): string[] {
  const otherAcronyms = b.names.filter((n) => n.acronym).map((n) => n.key);
  return a.names
    .filter((name) => {
      if (b.stems.has(name.key)) return false;
      if (name.acronym) return !(b.initials.includes(name.key) || otherAcronyms.some((o) => o.startsWith(name.key) || name.key.startsWith(o)));
      // "Sudan"/"Sudanese", "Afghan"/"Afghanistan", "Zahkarova"/"Zakharova".
      return ![...b.stems].some((s) => isVariant(name.key, s));
    })
    .map((n) => n.key);
}

/** Spelling variants and derived forms of one name: "sudan"/"sudanes", "chines"/"china", "zahkarova"/"zakharova". */
function isVariant(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  if (a[0] !== b[0]) return false;
  let prefix = 0;
  while (prefix < shorter && a[prefix] === b[prefix]) prefix += 1;
  if (shorter >= 4 && prefix >= Math.max(4, shorter - 1)) return true;
  // One typo in a short name, two in a long one ("Rwanda" and "Uganda" are two apart).
  const allowed = shorter >= 9 ? 2 : 1;
  return shorter >= 6 && Math.abs(a.length - b.length) <= allowed && editDistance(a, b) <= allowed;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    dot += v * (b.get(k) ?? 0);
  }
  for (const v of b.values()) nb += v * v;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
