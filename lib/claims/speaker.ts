import { REPORTING_WORDS } from "./cues";
import { isCapitalised, type Token } from "./tokens";

/**
 * Finds the speaker of a cue as a noun phrase next to it, with closed word lists
 * instead of a part-of-speech model: news attribution is formulaic ("X said",
 * "said X", "according to X"), and the lists keep the suggester fast (BENCHMARKS.md
 * compares this with wink-nlp's tagger).
 */

/** A run of tokens [first, last]. */
export type TokenRange = { first: number; last: number };

const AUX = new Set([
  "has", "have", "had", "was", "were", "is", "are", "be", "been", "did", "does", "do", "will",
  "would", "could", "can", "may", "might", "should", "must", "shall", "not", "n't",
]);
const ADVERBS = new Set([
  "also", "later", "earlier", "again", "still", "never", "previously", "now", "often", "once",
  "already", "long", "further", "then", "even", "just", "too", "first", "recently", "separately",
  "initially", "subsequently", "reportedly", "allegedly", "meanwhile", "however",
]);
const TIME_WORDS = new Set([
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
  "yesterday", "tonight", "on", "late", "early", "last", "this", "week", "month", "year",
  "night", "morning", "evening", "afternoon", "weekend", "day",
]);
/** Words that end a noun phrase when walking away from the cue. */
const STOP = new Set([
  "that", "which", "who", "whom", "whose", "when", "while", "where", "because", "but", "if",
  "as", "after", "before", "since", "although", "though", "so", "than", "with", "by", "to",
  "or", "nor", "and", "said", "says", "say", "told", "tells", "also", "saying", "according",
  "however", "meanwhile", "despite", "during", "under", "into", "over", "against", "about",
  "amid", "without", "through", "toward", "towards", "via", "per", "like", "unlike", "upon",
  "there", "what", "how", "why", "whether", "not",
  ...AUX,
]);
/** Prepositions allowed inside a speaker ("spokesman for the UN", "officials in Kabul"). */
const INNER = new Set(["of", "for", "at", "in", "from", "on"]);
const PRONOUNS = new Set(["he", "she", "they", "we", "i", "you", "it"]);
const OPENING_DETERMINERS = new Set(["the", "a", "an", "these", "those", "this", "its", "his", "her", "their", "our", "some", "several", "many", "most", "all", "both"]);
const ED_NOT_VERBS = new Set([
  "hundred", "armed", "alleged", "unidentified", "united", "retired", "elected", "detained",
  "injured", "wounded", "displaced", "concerned", "related", "affected", "unnamed", "masked",
  "self-styled", "so-called", "disputed", "red", "bed", "need", "speed", "seed", "creed",
  "embattled", "ousted", "exiled", "jailed", "indicted", "accused", "renowned", "respected",
  "detained", "aged", "unnamed", "designated", "acclaimed", "armed", "based", "advanced",
  "unified", "federated", "registered", "certified", "licensed", "qualified", "experienced",
]);
const TITLE_ABBREVIATIONS = new Set(["mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "rev", "maj", "adm", "prof", "st", "jr", "sr", "brig", "cmdr", "pres"]);

function isVerbLike(t: Token): boolean {
  if (!t.isWord || isCapitalised(t.text)) return false;
  return t.lower.length > 4 && t.lower.endsWith("ed") && !ED_NOT_VERBS.has(t.lower);
}

/** Steps left over adverbs, auxiliaries and a time phrase between a subject and its verb. */
function skipToSubject(tokens: Token[], from: number): number {
  let i = from;
  for (;;) {
    const t = tokens[i];
    if (!t || !t.isWord) return i;
    const lower = t.lower;
    const isAdverb = ADVERBS.has(lower) || (lower.endsWith("ly") && lower.length > 5 && !isCapitalised(t.text));
    if (AUX.has(lower) || isAdverb || TIME_WORDS.has(lower) || /^\d{1,2}$/.test(lower)) i--;
    else return i;
  }
}

/**
 * True when a comma at `i` separates items of a list of names ("Poland, Latvia and
 * Estonia"): capitalised on both sides, and an "and" already crossed on the way back,
 * so "Speaking Tuesday, Lavrov said" stays "Lavrov".
 */
function isListComma(tokens: Token[], i: number, crossedAnd: boolean): boolean {
  const left = tokens[i - 1];
  const right = tokens[i + 1];
  return crossedAnd && !!left && !!right && left.isWord && right.isWord && isCapitalised(left.text) && isCapitalised(right.text);
}

/** A period inside a name: after a title ("Mr.") or an initialism ("Afghan-U.S."). */
function isInnerPeriod(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (!prev || !prev.isWord) return false;
  return TITLE_ABBREVIATIONS.has(prev.lower) || /(^|[.\-])\p{Lu}$/u.test(prev.text);
}

/**
 * The noun phrase that ends just before the verb cue at `cue`: "Russia has repeatedly
 * denied" gives "Russia". Appositives are skipped ("Koang, an army spokesman, said").
 */
export function speakerBefore(tokens: Token[], cue: number, allowAppositive = true): TokenRange | null {
  let last = skipToSubject(tokens, cue - 1);
  // "X, a spokesman for Y, said": take X. A lone comma ("The agency (UNHCR), says") is skipped.
  if (tokens[last]?.text === "," && last > 0 && !allowAppositive) {
    last--;
  } else if (tokens[last]?.text === "," && last > 0) {
    let k = last - 1;
    while (k >= 0 && tokens[k]!.text !== "," && last - k < 16) k--;
    last = k > 0 && tokens[k]!.text === "," ? k - 1 : last - 1;
  }
  let first = -1;
  let crossedAnd = false;
  for (let i = last; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.isWord) {
      if (t.lower === "and" && first !== -1 && isCapitalised(tokens[first]!.text) && tokens[i - 1]?.isWord && isCapitalised(tokens[i - 1]!.text)) {
        crossedAnd = true;
        continue;
      }
      if (STOP.has(t.lower) || isVerbLike(t) || (REPORTING_WORDS.has(t.lower) && !isCapitalised(t.text))) break;
      if (INNER.has(t.lower) && first === -1) break;
      first = i;
      // A determiner opens the phrase unless a preposition links it to a head before it
      // ("the defense ministries of the four countries"; not "dead bodies the group").
      if (OPENING_DETERMINERS.has(t.lower) && !INNER.has(tokens[i - 1]?.lower ?? "")) break;
    } else if (t.text === "," && first !== -1 && isListComma(tokens, i, crossedAnd)) {
      continue;
    } else if ((t.text === "." && isInnerPeriod(tokens, i)) || t.text === "&") {
      continue;
    } else if (t.text === ")" || t.text === "(") {
      // "The World Food Program (WFP) says": an acronym in brackets belongs to the name.
      if (t.text === ")" && first === -1 && tokens[i - 2]?.text !== "(") break;
      continue;
    } else if (t.text === "-" && tokens[i - 1]?.isWord && first !== -1) {
      continue;
    } else {
      break;
    }
  }
  if (first === -1) return null;
  // A speaker never starts with a preposition ("in Kabul officials" → "Kabul officials").
  while (first <= last && INNER.has(tokens[first]!.lower)) first++;
  while (first <= last && tokens[first]!.text === "(") first++;
  return first <= last ? trimRange(tokens, { first, last }) : null;
}

/**
 * The noun phrase that starts just after `from`: "said M23 leader Bertrand Bisimwa",
 * "according to the health ministry". Trailing time phrases are dropped.
 */
export function speakerAfter(tokens: Token[], from: number): TokenRange | null {
  let first = from;
  while (tokens[first] && (tokens[first]!.text === "," || tokens[first]!.lower === "by")) first++;
  const head = tokens[first];
  if (!head || !head.isWord || (STOP.has(head.lower) && !PRONOUNS.has(head.lower))) return null;
  let last = -1;
  for (let i = first; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.isWord) {
      const isAdverb = ADVERBS.has(t.lower) || (t.lower.endsWith("ly") && t.lower.length > 5 && !isCapitalised(t.text));
      if (i > first && (STOP.has(t.lower) || isVerbLike(t) || isAdverb || REPORTING_WORDS.has(t.lower))) break;
      if (t.lower === "and" || (INNER.has(t.lower) && i === first)) break;
      last = i;
    } else if ((t.text === "." && isInnerPeriod(tokens, i) && i + 1 < tokens.length) || t.text === "&") {
      continue;
    } else if (t.text === "(" && tokens[i + 2]?.text === ")") {
      i += 2;
      last = i;
    } else {
      break;
    }
  }
  if (last === -1) return null;
  while (last > first && (TIME_WORDS.has(tokens[last]!.lower) || INNER.has(tokens[last]!.lower) || /^\d{1,2}$/.test(tokens[last]!.lower))) last--;
  return trimRange(tokens, { first, last });
}

/**
 * The subject of the sentence's main clause, after a leading adverbial ("Last year,
 * Finnish Defense Minister Janne Jaakkola ..."): the speaker of a participle cue
 * (", saying ...") or of a second coordinated verb ("... and assured").
 */
export function clauseSubject(tokens: Token[], before: number): TokenRange | null {
  let from = 0;
  // Only a comma among the first few tokens can close a leading adverbial; looking no
  // further keeps this constant-time however long the sentence.
  const head = tokens.slice(0, Math.min(before, 7));
  const comma = head.findIndex((t) => t.text === ",");
  const opener = tokens[0];
  if (comma !== -1 && comma <= 6 && opener) {
    // "Last year, X ...", "Initially, X ...", "Speaking Tuesday, X ...": skip the adverbial.
    const w = opener.lower;
    const isAdverbial = LEADING.has(w) || w.endsWith("ly") || w.endsWith("ing") || TIME_WORDS.has(w);
    if (isAdverbial) from = comma + 1;
  }
  const range = speakerAfter(tokens, from);
  return range && range.last < before ? range : null;
}

const LEADING = new Set([
  "in", "on", "at", "last", "earlier", "later", "meanwhile", "however", "but", "and", "also",
  "after", "before", "during", "since", "prior", "for", "this", "separately", "still", "yet",
  "then", "now", "today", "yesterday", "when", "while", "as", "if", "asked", "regarding",
  "despite", "although", "though", "because", "according", "from", "with", "by", "under",
]);

function trimRange(tokens: Token[], range: TokenRange): TokenRange | null {
  let { first, last } = range;
  while (last >= first && !tokens[last]!.isWord && tokens[last]!.text !== ")" && tokens[last]!.text !== ".") last--;
  while (first <= last && !tokens[first]!.isWord) first++;
  return first <= last ? { first, last } : null;
}
