import type { Analysis } from "./suggest";
import { REPORTING_WORDS } from "./cues";
import { stem, type Token } from "./tokens";

const COORDINATORS = new Set(["and", "but", ";"]);
/** Cues that report a claim someone made; only such claims are linked to a denial. */
const SAYING = new Set(["say", "says", "said", "saying", "told", "tells", "reported", "reports", "claimed", "claims", "claim", "stated", "according", "quoted", "statement"]);

/*
 * A claim is disputed when another claim of the same article denies it: "The rebels say
 * 140 soldiers were killed" and, later, "The government denied the claim". The link is
 * made by an anaphoric object ("the claim", "the reports") or by shared content words.
 */

const WINDOW = 8;
const ANAPHORIC_WINDOW = 3;
const CLAIM_WORDS = new Set(["claim", "claims", "report", "reports", "allegation", "allegations", "accusation", "accusations", "statement", "account", "rumor", "rumors", "it", "this", "story"]);
const STOPWORDS = new Set([
  "the", "a", "an", "of", "to", "in", "on", "at", "for", "and", "or", "that", "this", "was",
  "were", "is", "are", "be", "been", "has", "have", "had", "it", "its", "any", "by", "with",
  "as", "from", "not", "no", "said", "say", "says", "their", "his", "her", "they", "he", "she",
  "there", "ever", "took", "place", "who", "which", "would", "will", "than", "all", "also",
]);

function contentStems(tokens: Token[], from: number, to: number): Set<string> {
  const stems = new Set<string>();
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.isWord && !STOPWORDS.has(t.lower) && !CLAIM_WORDS.has(t.lower)) stems.add(stem(t.lower));
  }
  return stems;
}

function speakerKey(a: Analysis): string {
  return a.suggestion.speaker?.text.toLowerCase() ?? "";
}

/** Marks claims that a denial elsewhere in the article contests, with the reason. */
export function linkDenials(text: string, analyses: Analysis[]): void {
  const stems = analyses.map((a) => contentStems(a.tokens, 0, a.tokens.length));
  analyses.forEach((denial, d) => {
    const cue = denial.cue;
    if (!cue || cue.kind !== "denial" || !denial.suggestion.speaker) return;
    // The denied object ends where a second claim starts ("denies the claims and says ...").
    // The denied object ends where a second claim or a comma starts ("denies the claims and
    // says ...", "reports that X kidnapped 20 women near Chibok, where ...").
    let objectEnd = cue.last + 1;
    const endsObject = (t: Token, next: Token | undefined) => t.text === "," || (COORDINATORS.has(t.lower) && REPORTING_WORDS.has(next?.lower ?? ""));
    while (objectEnd < denial.tokens.length && !endsObject(denial.tokens[objectEnd]!, denial.tokens[objectEnd + 1])) objectEnd++;
    const objectStems = contentStems(denial.tokens, cue.last + 1, objectEnd);
    const objectHead = denial.tokens.slice(cue.last + 1, cue.last + 4).map((t) => t.lower);
    const isAnaphoric = objectHead.some((w) => CLAIM_WORDS.has(w)) && objectStems.size <= 2;
    const snippet = text.slice(denial.suggestion.cue!.start, Math.min(denial.suggestion.cue!.end + 40, text.length)).split("\n")[0]!;
    const reason = `denied elsewhere by '${denial.suggestion.speaker.text}': "${snippet.trim()}…"`;
    const mark = (s: number) => {
      const target = analyses[s]!.suggestion;
      if (target.tag === "disputed") return;
      target.tag = "disputed";
      target.confidence = 0.6;
      target.reasons.push(reason);
    };
    if (isAnaphoric) {
      for (let s = d - 1; s >= Math.max(0, d - ANAPHORIC_WINDOW); s--) {
        if (analyses[s]!.suggestion.tag === "attributed" && speakerKey(analyses[s]!) !== speakerKey(denial)) {
          mark(s);
          return;
        }
      }
      return;
    }
    if (objectStems.size === 0) return;
    for (let s = Math.max(0, d - WINDOW); s <= Math.min(analyses.length - 1, d + WINDOW); s++) {
      if (s === d || speakerKey(analyses[s]!) === speakerKey(denial)) continue;
      const targetCue = analyses[s]!.cue;
      if (!targetCue || !SAYING.has(analyses[s]!.tokens[targetCue.first]!.lower)) continue;
      let shared = 0;
      for (const w of objectStems) if (stems[s]!.has(w)) shared++;
      if (shared >= 2 && shared / objectStems.size >= 0.5) mark(s);
    }
  });
}
