import { findCues, PRIMARY_CUES, type CueMatch } from "./cues";
import { clauseSubject, speakerAfter, speakerBefore, type TokenRange } from "./speaker";
import { linkDenials } from "./denials";
import { quotedMask, tokenize, type Token } from "./tokens";
import type { Span, Suggestion, TextRef } from "./types";

/** One claim while the suggester works on it; `linkDenials` reads the cue and tokens. */
export type Analysis = { tokens: Token[]; cue: CueMatch | null; suggestion: Suggestion; quoteOpen: boolean };

const CONFIDENCE = {
  disputedWithSpeaker: 0.9,
  disputedNoSpeaker: 0.75,
  hedge: 0.8,
  attributedWithSpeaker: 0.9,
  attributedPronoun: 0.85,
  attributedNoSpeaker: 0.65,
  quoteContinuation: 0.55,
  stated: 0.85,
  statedDoubtful: 0.7,
} as const;

const COORDINATORS = new Set(["and", "but", "while", "whereas", ";"]);
const SUBORDINATORS = new Set(["since", "after", "before", "when", "because", "although", "though", "if", "until", "unless", "once", "whenever"]);
const BE_FORMS = new Set(["is", "are", "was", "were", "been", "be"]);
const ADVERB_SKIP = new Set(["also", "still", "now", "again", "repeatedly", "initially", "reportedly"]);
const PRONOUN_SPEAKERS = new Set(["he", "she", "they", "we", "i", "you", "it"]);

/**
 * Suggests stated, attributed or disputed for each claim span (same order), with the
 * cue and speaker offsets and the reasons an editor reads before accepting.
 */
export function suggestTags(text: string, spans: Span[]): Suggestion[] {
  const analyses: Analysis[] = [];
  let quoteOpen = false;
  for (const span of spans) {
    const analysis = analyse(text, span, analyses[analyses.length - 1], quoteOpen);
    quoteOpen = analysis.quoteOpen;
    analyses.push(analysis);
  }
  linkDenials(text, analyses);
  return analyses.map((a) => a.suggestion);
}

function ref(text: string, tokens: Token[], range: TokenRange | null): TextRef | null {
  if (range === null) return null;
  const start = tokens[range.first]!.start;
  const end = tokens[range.last]!.end;
  return { start, end, text: text.slice(start, end) };
}

/** The speaker of one cue, by the cue's grammatical role. */
function findSpeaker(tokens: Token[], cue: CueMatch): TokenRange | null {
  if (cue.role === "according") return speakerAfter(tokens, cue.last + 1);
  if (cue.role === "agent") return speakerAfter(tokens, cue.last + 2);
  if (cue.role === "none") {
    // "The spokesman issued the denial": the subject of the verb that governs the noun.
    const verb = cue.first - 2;
    return verb > 0 && tokens[verb]!.isWord ? speakerBefore(tokens, verb) : null;
  }
  let k = cue.first - 1;
  while (k >= 0 && ADVERB_SKIP.has(tokens[k]!.lower)) k--;
  const prev = tokens[k];
  // "quoted a member of a local vigilante group as saying": the phrase between.
  if (prev?.lower === "as" && cue.role === "participle") {
    for (let q = k - 1; q >= Math.max(0, k - 12); q--) {
      if (tokens[q]!.lower === "quoted") return speakerAfter(tokens, q + 1);
    }
  }
  // "Kismayo business people, who say ...": the antecedent of the relative pronoun.
  if (prev && (prev.lower === "who" || prev.lower === "which")) return speakerBefore(tokens, k, false);
  const before = speakerBefore(tokens, cue.first);
  if (cue.role === "participle") {
    // "with officials stating", "some of them were saying" name their speaker; ", saying" borrows the subject.
    const isProgressive = prev !== undefined && BE_FORMS.has(prev.lower);
    if (before && (isProgressive || tokens[before.first - 1]?.lower === "with")) return before;
    return clauseSubject(tokens, cue.first) ?? before;
  }
  if (before) return before;
  if (prev && prev.lower === "and") return clauseSubject(tokens, cue.first);
  // '"...," said M23 leader Bertrand Bisimwa.' and "..., he said." put the speaker after.
  return speakerAfter(tokens, cue.last + 1);
}

/** True when the cue's subject opens a subordinate clause ("since authorities assured ..."). */
function isSubordinate(tokens: Token[], speaker: TokenRange | null): boolean {
  return speaker !== null && SUBORDINATORS.has(tokens[speaker.first - 1]?.lower ?? "");
}

function analyse(text: string, span: Span, previous: Analysis | undefined, quoteOpen: boolean): Analysis {
  const tokens = tokenize(text, span.start, span.end);
  const { mask: quoted, open } = quotedMask(tokens, quoteOpen);
  const found = findCues(tokens, quoted);
  const falseCues = found.falseCues;
  const reasons: string[] = [];
  const cues: CueMatch[] = [];
  const speakers: (TokenRange | null)[] = [];
  for (const c of found.cues) {
    const speaker = findSpeaker(tokens, c);
    if (c.kind === "attribution" && isSubordinate(tokens, speaker)) {
      const clause = tokens[speaker!.first - 1]!.text;
      falseCues.push({ token: c.first, reason: `cue '${tokens[c.first]!.text}' is inside a '${clause}' clause` });
      continue;
    }
    cues.push(c);
    speakers.push(speaker);
  }
  const disputeAt = cues.findIndex((c, i) => (c.kind === "denial" || c.kind === "distancing") && speakers[i] !== null);
  const anyDispute = cues.findIndex((c) => c.kind === "denial" || c.kind === "distancing");
  const hedgeAt = cues.findIndex((c) => c.kind === "hedge");
  // The first attribution, unless it is a participle and a verb of saying follows
  // ("released a statement condemning the incident, saying ...").
  const firstAt = cues.findIndex((c, i) => c.kind === "attribution" && speakers[i] !== null);
  const primaryAt = cues.findIndex((c, i) => c.kind === "attribution" && speakers[i] !== null && PRIMARY_CUES.has(tokens[c.first]!.lower));
  const attributionAt = firstAt !== -1 && cues[firstAt]!.role === "participle" && primaryAt > firstAt ? primaryAt : firstAt;
  const anyAttribution = cues.findIndex((c) => c.kind === "attribution");

  let tag: Suggestion["tag"] = "stated";
  let chosen = -1;
  let confidence: number = CONFIDENCE.stated;
  let speaker: TokenRange | null = null;
  if (disputeAt !== -1 || anyDispute !== -1) {
    tag = "disputed";
    chosen = disputeAt !== -1 ? disputeAt : anyDispute;
    speaker = speakers[chosen] ?? null;
    confidence = speaker ? CONFIDENCE.disputedWithSpeaker : CONFIDENCE.disputedNoSpeaker;
  } else if (hedgeAt !== -1) {
    tag = "disputed";
    chosen = hedgeAt;
    speaker = attributionAt !== -1 ? speakers[attributionAt]! : null;
    confidence = CONFIDENCE.hedge;
  } else if (attributionAt !== -1 || anyAttribution !== -1) {
    tag = "attributed";
    chosen = attributionAt !== -1 ? attributionAt : anyAttribution;
    speaker = speakers[chosen] ?? null;
    const isPronoun = speaker !== null && speaker.first === speaker.last && PRONOUN_SPEAKERS.has(tokens[speaker.first]!.lower);
    confidence = speaker === null ? CONFIDENCE.attributedNoSpeaker : isPronoun ? CONFIDENCE.attributedPronoun : CONFIDENCE.attributedWithSpeaker;
  }

  const cue = chosen === -1 ? null : cues[chosen]!;
  const cueRef = cue ? ref(text, tokens, { first: cue.first, last: cue.last }) : null;
  const speakerRef = ref(text, tokens, speaker);
  if (cueRef) reasons.push(`${cue!.kind === "hedge" ? "hedge" : "cue"} '${cueRef.text}'`);
  if (cue?.note) reasons.push(cue.note);
  if (speakerRef) reasons.push(`speaker '${speakerRef.text}'`);
  else if (cue && cue.kind !== "hedge") reasons.push("no speaker found");
  if (tag === "stated") {
    const quotedShare = quoted.filter(Boolean).length / Math.max(1, tokens.length);
    if (quotedShare > 0.5) {
      // A quotation with no cue continues the previous sentence's speaker.
      tag = "attributed";
      confidence = CONFIDENCE.quoteContinuation;
      const who = previous?.suggestion.speaker?.text;
      reasons.push(who ? `quotation without a cue; continues '${who}'` : "quotation without a cue");
    } else {
      confidence = falseCues.length > 0 || quotedShare > 0 ? CONFIDENCE.statedDoubtful : CONFIDENCE.stated;
      reasons.push("no reporting cue");
    }
  }
  for (const f of falseCues) reasons.push(f.reason);
  const splitAt = cue ? findSplit(tokens, cues, speakers) : null;
  if (splitAt !== null) reasons.push("two claims: could be split");
  return {
    tokens,
    cue,
    quoteOpen: open,
    suggestion: { tag, confidence, reasons, speaker: speakerRef, cue: cueRef, splitAt },
  };
}

/**
 * "Russia denied A and emphasizes that B": two cue clauses joined by a coordinator, with
 * different kinds of cue or different speakers. Returns the coordinator's offset.
 */
function findSplit(tokens: Token[], cues: CueMatch[], speakers: (TokenRange | null)[]): number | null {
  for (let k = 1; k < cues.length; k++) {
    const a = cues[k - 1]!;
    const b = cues[k]!;
    if (b.role !== "verb" || a.role === "none" || b.kind === "hedge") continue;
    const disputeA = a.kind !== "attribution";
    const disputeB = b.kind !== "attribution";
    const sa = speakers[k - 1];
    const sb = speakers[k];
    const speakerText = (r: TokenRange | null | undefined) => (r ? tokens.slice(r.first, r.last + 1).map((t) => t.lower).join(" ") : "");
    if (disputeA === disputeB && speakerText(sa) === speakerText(sb)) continue;
    for (let i = b.first - 1; i > a.last; i--) {
      if (COORDINATORS.has(tokens[i]!.lower)) return tokens[i]!.text === ";" ? tokens[i]!.end : tokens[i]!.start;
    }
  }
  return null;
}
