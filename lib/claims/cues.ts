import type { Token } from "./tokens";

/**
 * Reporting cues: the words that make a sentence someone's claim rather than the
 * reporter's. Each cue is checked in context, because the same words are often not
 * cues at all ("had claimed countless civilian lives", "was denied bail").
 */

/** attribution: someone says it; denial/distancing: someone contests or is kept at arm's length; hedge: unverified. */
export type CueKind = "attribution" | "denial" | "distancing" | "hedge";

/** A cue found in a sentence: tokens [first, last], and how its speaker is found. */
export type CueMatch = {
  kind: CueKind;
  first: number;
  last: number;
  /**
   * verb: subject before it; participle: subject of the clause; according: the phrase
   * after it; agent: the phrase after "by" ("was reported by X"); none: no speaker.
   */
  role: "verb" | "participle" | "according" | "agent" | "none";
  /** An extra reason for the editor ("'incorrectly' distances the reporter"). */
  note?: string;
};

/** A word that looks like a cue but is not one here, with the reason shown to editors. */
export type FalseCue = { token: number; reason: string };

const SAY = [
  "say", "says", "said", "saying", "tell", "tells", "told", "telling", "stated", "stating",
  "added", "adding", "noted", "noting", "emphasized", "emphasised", "emphasizes", "emphasises",
  "emphasize", "emphasise", "emphasizing", "emphasising", "stressed", "stresses", "stressing",
  "explained", "explains", "explaining", "announced", "announces", "announcing", "declared",
  "declares", "declaring", "insisted", "insists", "insist", "insisting", "warned", "warns",
  "warning", "suggested", "suggests", "suggesting", "hinted", "hints", "hinting", "argued",
  "argues", "arguing", "asserted", "asserts", "assert", "asserting", "acknowledged",
  "acknowledges", "admitted", "admits", "predicted", "predicts", "urged", "urges", "urging",
  "assured", "assures", "wrote", "writes", "tweeted", "accused", "accuses", "accusing",
  "blamed", "blames", "blaming", "promised", "vowed", "vows", "pledged", "contended",
  "contends", "conceded", "concedes", "recalled", "recalls", "testified", "reiterated",
  "reiterates", "commented", "remarked", "believes", "believed", "thinks", "complained",
  "cautioned", "demanded", "demands", "confirmed", "confirms", "reported", "quoted",
  "maintained", "maintains", "affirmed", "concluded", "estimated", "described", "told",
  "announce", "warn", "urge", "believe", "think", "argue", "suggest", "stress", "explain",
  "describes", "criticized", "criticised", "criticizes", "criticizing", "condemned", "condemns",
  "condemning", "berated", "insisted", "feared", "fears", "fear",
];
const SAY_SET = new Set(SAY);
/** Every word that can be a reporting cue: the speaker search stops at them. */
export const REPORTING_WORDS = new Set([...SAY, "claimed", "denied", "denies", "reads"]);
/** The plain verbs of saying: preferred as the cue when a sentence has several. */
export const PRIMARY_CUES = new Set(["say", "says", "said", "saying", "told", "tells", "tell", "stated", "according", "reports", "reported", "added", "wrote"]);
/** Forms that are also common nouns or adjectives: a cue only before "that" or a clause. */
const NEEDS_THAT = new Set(["states", "state", "notes", "note", "reads", "read", "found", "finds", "indicated", "indicates"]);
const SHOW_FORMS = new Set(["shows", "showed", "show"]);
/** "media reports said", "following reports of": "reports" is a noun after these. */
const REPORT_NOUN_BEFORE = new Set(["media", "news", "published", "unconfirmed", "conflicting", "following", "such", "press", "initial", "earlier", "recent", "local", "several", "many", "some", "other", "of", "amid", "despite", "after", "were", "are", "these", "those"]);
const REPORT_NOUN_AFTER = new Set(["of", "on", "from", "about", "say", "said", "says", "suggest", "suggested", "indicate", "indicated", "claim", "claimed", "and", "or", "that", "to", "in", ""]);
const DISTANCING_ADVERBS = new Set(["incorrectly", "falsely", "wrongly", "erroneously", "mistakenly"]);
const PARTICIPLE_ADVERBS = new Set(["first", "also", "widely", "not", "previously", "later", "originally", "initially"]);
const IRREGULAR_PARTICIPLES = new Set(["told", "said", "written", "thought", "found", "shown"]);
const BE = new Set(["is", "are", "was", "were", "be", "been", "being", "get", "got", "gets"]);
const DETERMINERS = new Set(["the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "any", "another", "every", "each"]);
const PRONOUNS = new Set(["he", "she", "it", "they", "we", "i", "you", "there"]);
const PRONOUN_SUBJECTS = new Set(["they", "we", "i", "you"]);
const FINITE = new Set(["is", "are", "was", "were", "had", "has", "have", "would", "will", "could", "did", "can", "might", "may"]);
const CLAIM_NOUNS = new Set([
  "claim", "claims", "allegation", "allegations", "accusation", "accusations", "report", "reports",
  "charge", "charges", "assertion", "assertions", "suggestion", "suggestions", "notion", "idea",
  "criticism", "account", "accounts", "rumor", "rumors", "rumour", "rumours", "statement", "statements",
  "story", "reporting", "findings", "version", "figures", "assessment", "characterization",
]);
const CLAIM_FORMS = new Set(["claim", "claims", "claimed", "claiming"]);
const DENY_FORMS = new Set(["deny", "denies", "denied", "denying", "denial", "denials"]);
const DISMISS_FORMS = new Set(["reject", "rejects", "rejected", "rejecting", "dismiss", "dismisses", "dismissed", "dismissing", "challenge", "challenges", "challenged", "challenging"]);
const REFUTE_FORMS = new Set(["refute", "refutes", "refuted", "refuting", "rebutted", "rebuts", "contradicted", "contradicts", "disputes", "disputed", "disputing", "dispute"]);
const ALLEGE_FORMS = new Set(["allege", "alleges", "alleged", "alleging"]);
const HEDGES = new Set(["reportedly", "allegedly", "purportedly", "purported", "unconfirmed", "unverified", "supposedly", "rumored", "rumoured"]);

function word(tokens: Token[], i: number): string {
  const t = tokens[i];
  return t && t.isWord ? t.lower : "";
}

/** True when a claim noun or "that"/"as" follows within a few tokens ("rejected the claim"). */
function hasClaimObject(tokens: Token[], i: number): boolean {
  const first = word(tokens, i + 1);
  if (first === "that" || first === "as" || first === "reports" || first === "claims") return true;
  for (let k = i + 1; k <= i + 5 && k < tokens.length; k++) {
    const w = word(tokens, k);
    if (CLAIM_NOUNS.has(w)) return true;
    if (w === "" && tokens[k]?.text !== "’" && tokens[k]?.text !== "'") return false;
  }
  return false;
}

/** True when a clause (a subject and a finite verb) follows: "claimed the attack was ...". */
function clauseFollows(tokens: Token[], i: number): boolean {
  const first = word(tokens, i + 1);
  if (first === "that" || PRONOUNS.has(first)) return true;
  for (let k = i + 1; k <= i + 7 && k < tokens.length; k++) {
    const w = word(tokens, k);
    if (w === "") return false;
    if (FINITE.has(w)) return k > i + 1;
  }
  return false;
}

function isParticiple(w: string): boolean {
  return w.endsWith("ing");
}

function isPastParticiple(w: string): boolean {
  return w.endsWith("ed") || IRREGULAR_PARTICIPLES.has(w);
}

/** "was reported", "were first reported", "what’s described": a passive use of the verb at i. */
function isPassive(tokens: Token[], i: number): boolean {
  let k = i - 1;
  while (PARTICIPLE_ADVERBS.has(word(tokens, k))) k--;
  const w = word(tokens, k);
  return BE.has(w) || /^(what|it|that|who|which)[’']s$/.test(w);
}

/** Finds the cues of one sentence; tokens inside quotation marks are skipped. */
export function findCues(tokens: Token[], quoted: boolean[]): { cues: CueMatch[]; falseCues: FalseCue[] } {
  const cues: CueMatch[] = [];
  const falseCues: FalseCue[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (quoted[i]) continue;
    const w = word(tokens, i);
    if (w === "") continue;
    const prev = word(tokens, i - 1);
    const next = word(tokens, i + 1);
    const role = isParticiple(w) ? "participle" : "verb";
    if (w === "according" && next === "to") {
      cues.push({ kind: "attribution", first: i, last: i + 1, role: "according" });
      i++;
    } else if (HEDGES.has(w)) {
      cues.push({ kind: "hedge", first: i, last: i, role: "none" });
    } else if (w === "could" || w === "not") {
      // "could not be independently verified", "has not been confirmed"
      let k = i + 1;
      while (["not", "be", "been", "independently", "immediately", "yet", "officially"].includes(word(tokens, k))) k++;
      if (k > i + 1 && ["verified", "confirmed", "corroborated"].includes(word(tokens, k))) {
        cues.push({ kind: "hedge", first: i, last: k, role: "none" });
        i = k;
      }
    } else if (DISTANCING_ADVERBS.has(w) && (SAY_SET.has(next) || CLAIM_FORMS.has(next))) {
      // "Lavrov incorrectly said": the reporter contests the claim.
      cues.push({ kind: "distancing", first: i + 1, last: i + 1, role: "verb", note: `'${tokens[i]!.text}' distances the reporter` });
      i++;
    } else if (CLAIM_FORMS.has(w)) {
      if (DETERMINERS.has(prev)) continue;
      if (next === "to" || clauseFollows(tokens, i) || FINITE.has(next)) {
        cues.push({ kind: "distancing", first: i, last: next === "to" ? i + 1 : i, role });
      } else if (next === "responsibility" || next === "credit") {
        cues.push({ kind: "attribution", first: i, last: i + 1, role });
      } else if (w !== "claim" && w !== "claims") {
        falseCues.push({ token: i, reason: `'${tokens[i]!.text}' is not a claim here (no clause follows)` });
      }
    } else if (DENY_FORMS.has(w)) {
      if ((isPastParticiple(w) && isPassive(tokens, i)) || (w.startsWith("denial") && !DETERMINERS.has(prev) && next !== "of" && next !== "that")) {
        falseCues.push({ token: i, reason: `'${tokens[i]!.text}' is passive or a noun here, not a denial` });
      } else {
        cues.push({ kind: "denial", first: i, last: i, role: w.startsWith("denial") ? "none" : role });
      }
    } else if (DISMISS_FORMS.has(w)) {
      if (hasClaimObject(tokens, i) && !(isPastParticiple(w) && isPassive(tokens, i))) cues.push({ kind: "denial", first: i, last: i, role });
      else falseCues.push({ token: i, reason: `'${tokens[i]!.text}' rejects an action, not a claim` });
    } else if (REFUTE_FORMS.has(w)) {
      // "the disputed territory", "a border dispute": a dispute is named, no claim is contested.
      const baseForm = w === "dispute" || w === "disputes";
      const contests = baseForm ? hasClaimObject(tokens, i) || DETERMINERS.has(next) : true;
      if (DETERMINERS.has(prev) || (isPastParticiple(w) && isPassive(tokens, i)) || !contests) {
        falseCues.push({ token: i, reason: `'${tokens[i]!.text}' names a dispute, it does not contest a claim` });
      } else {
        cues.push({ kind: "denial", first: i, last: i, role });
      }
    } else if (ALLEGE_FORMS.has(w)) {
      // "the alleged abuses" qualifies a noun; "as Lavrov alleged?" and "alleged that" report a claim.
      const nextIsWord = tokens[i + 1]?.isWord ?? false;
      const adjectival = w === "alleged" && nextIsWord && (DETERMINERS.has(prev) || !clauseFollows(tokens, i));
      cues.push({ kind: adjectival ? "hedge" : "distancing", first: i, last: i, role: adjectival ? "none" : role });
    } else if ((w === "reports" || w === "report") && !DETERMINERS.has(prev) && !REPORT_NOUN_BEFORE.has(prev) && prev !== "" && !REPORT_NOUN_AFTER.has(tokens[i + 1]?.lower ?? "")) {
      // "The UN refugee agency reports a dramatic increase": a verb after its subject.
      if (w === "reports" || PRONOUN_SUBJECTS.has(prev)) cues.push({ kind: "attribution", first: i, last: i, role: "verb" });
    } else if (SHOW_FORMS.has(w)) {
      if (!DETERMINERS.has(prev) && (next === "that" || DETERMINERS.has(next))) cues.push({ kind: "attribution", first: i, last: i, role: "verb" });
    } else if (NEEDS_THAT.has(w)) {
      if (next === "that" || (w.startsWith("read") && ["that", ":", ","].includes(tokens[i + 1]?.lower ?? ""))) {
        cues.push({ kind: "attribution", first: i, last: w.startsWith("read") ? i + 1 : i, role });
      }
    } else if ((w === "called" || w === "calling" || w === "calls") && (next === "on" || next === "for")) {
      if (!BE.has(prev) && !DETERMINERS.has(prev)) cues.push({ kind: "attribution", first: i, last: i + 1, role });
    } else if (SAY_SET.has(w)) {
      if (!isCueInContext(tokens, i, w, prev, next)) continue;
      if (isPastParticiple(w) && isPassive(tokens, i)) {
        // "was first reported by The New York Times" names its speaker; "it was reported" does not.
        if (next === "by") cues.push({ kind: "attribution", first: i, last: i, role: "agent" });
        else falseCues.push({ token: i, reason: `'${tokens[i]!.text}' is passive with no speaker named` });
        continue;
      }
      cues.push({ kind: "attribution", first: i, last: i, role });
    }
  }
  return { cues, falseCues };
}

/** Filters the reporting verbs whose form is also a noun or an adjective in context. */
function isCueInContext(tokens: Token[], i: number, w: string, prev: string, next: string): boolean {
  // "20 confirmed cases", "the reported attack", "the estimated 300": adjectives.
  if ((w === "confirmed" || w === "reported" || w === "estimated" || w === "described") && (DETERMINERS.has(prev) || /^\d/.test(prev) || BE.has(prev) && w !== "reported")) return false;
  if (w === "described" && !tokens.slice(i + 1, i + 8).some((t) => t.lower === "as")) return false;
  if (w === "quoted" && next !== "as") return false;
  if ((w === "say" || w === "tell" || w === "believe" || w === "think" || w === "warn") && (prev === "to" || DETERMINERS.has(prev))) return false;
  if (w === "warning" && (DETERMINERS.has(prev) || prev === "early")) return false;
  if (w === "demands" && DETERMINERS.has(prev)) return false;
  if (w.startsWith("fear") && (DETERMINERS.has(prev) || ["for", "of", "out", "in", "without"].includes(prev) || !["that", "they", "he", "she", "it", "we", "the", "a", "an"].includes(next))) return false;
  if (w === "describes" && !tokens.slice(i + 1, i + 8).some((t) => t.lower === "as")) return false;
  return true;
}
