import { suggestTags } from "../suggest";
import type { Span, Suggestion } from "../types";

/*
 * The labelled news set (testdata/news/*.txt, see PROVENANCE.md): one sentence a line,
 * followed by " ||| TAG | speaker | cue", with "-" for none. Pure functions only: the
 * callers (unit tests, bench/split.ts) read the files.
 */

export type Tag = Suggestion["tag"];
export type LabelledSentence = { span: Span; tag: Tag; speaker: string | null; cue: string | null };
export type LabelledArticle = { name: string; meta: Record<string, string>; text: string; sentences: LabelledSentence[] };

const TAGS: Record<string, Tag> = { S: "stated", A: "attributed", D: "disputed" };

/** Parses one labelled article; throws on a malformed line or a label not in its sentence. */
export function parseLabelled(name: string, source: string): LabelledArticle {
  const meta: Record<string, string> = {};
  const lines: string[] = [];
  const labels: { tag: Tag; speaker: string | null; cue: string | null }[] = [];
  for (const raw of source.split("\n")) {
    if (raw.trim() === "") continue;
    const header = /^# (\w+): (.*)$/.exec(raw);
    if (header) {
      meta[header[1]!] = header[2]!;
      continue;
    }
    const [sentence, label] = raw.split(" ||| ");
    const parts = label?.split(" | ") ?? [];
    const tag = TAGS[parts[0] ?? ""];
    if (sentence === undefined || parts.length !== 3 || tag === undefined) throw new Error(`${name}: bad line: ${raw}`);
    const speaker = parts[1] === "-" ? null : parts[1]!;
    const cue = parts[2] === "-" ? null : parts[2]!;
    for (const part of [speaker, cue]) {
      if (part !== null && !sentence.includes(part)) throw new Error(`${name}: '${part}' is not in: ${sentence}`);
    }
    lines.push(sentence);
    labels.push({ tag, speaker, cue });
  }
  const text = lines.join("\n");
  let at = 0;
  const sentences = lines.map((line, i) => {
    const span = { start: at, end: at + line.length };
    at += line.length + 1;
    return { span, ...labels[i]! };
  });
  return { name, meta, text, sentences };
}

export type TagScore = { tag: Tag; precision: number; recall: number; support: number };
export type SuggestionScore = {
  sentences: number;
  tagAccuracy: number;
  perTag: TagScore[];
  /** Sentences with a gold speaker whose suggested speaker is exactly the labelled text. */
  speakerExact: number;
  speakerTotal: number;
  cueExact: number;
  cueTotal: number;
};

/** Runs the suggester on gold sentence spans and scores tags, speakers and cues. */
export function scoreSuggestions(articles: LabelledArticle[], suggest = suggestTags): SuggestionScore {
  const pairs: { gold: LabelledSentence; got: Suggestion; sentence: string }[] = [];
  for (const article of articles) {
    const got = suggest(article.text, article.sentences.map((s) => s.span));
    article.sentences.forEach((gold, i) => pairs.push({ gold, got: got[i]!, sentence: article.text.slice(gold.span.start, gold.span.end) }));
  }
  const perTag = (["stated", "attributed", "disputed"] as const).map((tag) => {
    const predicted = pairs.filter((p) => p.got.tag === tag).length;
    const actual = pairs.filter((p) => p.gold.tag === tag).length;
    const correct = pairs.filter((p) => p.gold.tag === tag && p.got.tag === tag).length;
    return { tag, precision: predicted ? correct / predicted : 0, recall: actual ? correct / actual : 0, support: actual };
  });
  const withSpeaker = pairs.filter((p) => p.gold.speaker !== null);
  const withCue = pairs.filter((p) => p.gold.cue !== null);
  return {
    sentences: pairs.length,
    tagAccuracy: pairs.filter((p) => p.gold.tag === p.got.tag).length / Math.max(1, pairs.length),
    perTag,
    speakerExact: withSpeaker.filter((p) => p.got.speaker?.text === p.gold.speaker).length,
    speakerTotal: withSpeaker.length,
    cueExact: withCue.filter((p) => p.got.cue?.text === p.gold.cue).length,
    cueTotal: withCue.length,
  };
}
