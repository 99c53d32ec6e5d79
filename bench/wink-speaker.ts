import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { suggestTags } from "../lib/claims/suggest";
import type { LabelledArticle } from "../lib/claims/testdata/labelled";

/*
 * The experiment behind the NLP-library choice: the same cues, but each speaker found by
 * walking back from the cue over wink-nlp's part-of-speech tags instead of Claimtrack's
 * word lists. Scored on the labelled sentences whose speaker stands before its cue.
 */

const NP = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON", "PART"]);
const SKIP = new Set(["AUX", "ADV"]);
const INNER_ADP = new Set(["of", "for", "in", "at", "from"]);

type WinkToken = { value: string; pos: string; start: number; end: number };

export type WinkResult = {
  loadMs: number;
  compared: number;
  rulesExact: number;
  winkExact: number;
  /** Milliseconds for wink's POS pipeline over every labelled sentence. */
  tagMs: number;
};

/** Walks back from the cue token over noun-phrase tags; null when none. */
function speakerFromTags(tokens: WinkToken[], cueIndex: number): { start: number; end: number } | null {
  let i = cueIndex - 1;
  while (i >= 0 && SKIP.has(tokens[i]!.pos)) i--;
  const last = i;
  let first = -1;
  let crossedAnd = false;
  for (; i >= 0; i--) {
    const t = tokens[i]!;
    const left = tokens[i - 1];
    if (NP.has(t.pos)) first = i;
    else if (t.pos === "ADP" && INNER_ADP.has(t.value.toLowerCase()) && first !== -1) continue;
    else if (t.pos === "CCONJ" && first !== -1 && left && (left.pos === "PROPN" || left.pos === "NOUN")) crossedAnd = true;
    else if (t.value === "," && crossedAnd && left?.pos === "PROPN" && tokens[i + 1]?.pos === "PROPN") continue;
    else if ((t.value === "(" || t.value === ")") && first !== -1) continue;
    else if (t.value === ")" && first === -1 && tokens[i - 2]?.value === "(") continue;
    else break;
  }
  if (first === -1 || last < first) return null;
  while (first <= last && tokens[first]!.pos === "ADP") first++;
  return first <= last ? { start: tokens[first]!.start, end: tokens[last]!.end } : null;
}

/** Scores rule-based speakers against POS-tag speakers on the labelled set. */
export function compareWinkSpeakers(articles: LabelledArticle[]): WinkResult {
  const t0 = performance.now();
  const nlp = winkNLP(model, ["sbd", "pos"]);
  const its = nlp.its;
  const loadMs = performance.now() - t0;
  let compared = 0;
  let rulesExact = 0;
  let winkExact = 0;
  let tagMs = 0;
  for (const article of articles) {
    const suggestions = suggestTags(article.text, article.sentences.map((s) => s.span));
    article.sentences.forEach((gold, k) => {
      const s = suggestions[k]!;
      if (gold.speaker === null || !s.cue) return;
      const sentence = article.text.slice(gold.span.start, gold.span.end);
      const goldAt = sentence.indexOf(gold.speaker) + gold.span.start;
      // Only speakers that precede their cue: the case a POS walk can decide.
      if (goldAt >= s.cue.start) return;
      const t1 = performance.now();
      const doc = nlp.readDoc(sentence);
      const values = doc.tokens().out(its.value) as string[];
      const tags = doc.tokens().out(its.pos) as string[];
      const spaces = doc.tokens().out(its.precedingSpaces) as string[];
      tagMs += performance.now() - t1;
      let at = gold.span.start;
      const tokens: WinkToken[] = values.map((value, i) => {
        const start = at + (spaces[i] ?? "").length;
        at = start + value.length;
        return { value, pos: tags[i] ?? "X", start, end: at };
      });
      const cueIndex = tokens.findIndex((t) => t.start === s.cue!.start);
      if (cueIndex === -1) return;
      compared++;
      if (s.speaker?.text === gold.speaker) rulesExact++;
      const w = speakerFromTags(tokens, cueIndex);
      if (w && article.text.slice(w.start, w.end) === gold.speaker) winkExact++;
    });
  }
  return { loadMs, compared, rulesExact, winkExact, tagMs };
}
