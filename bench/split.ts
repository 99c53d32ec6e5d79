/*
 * npm run bench:split — Claimtrack's splitter beside Intl.Segmenter, sbd, compromise and
 * wink-nlp on the English Golden Rules and on ~1 MB of news text, memory figures, and the
 * suggester scored on the labelled news set. Prints figures; asserts nothing.
 * Reads ../shared/benchmarks at bench time only; the app never does.
 */
import { readdirSync, readFileSync } from "node:fs";
import { cpus } from "node:os";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import nlp from "compromise";
import sbd from "sbd";
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { splitSentences } from "../lib/claims/segment";
import { splitClaims } from "../lib/claims/split";
import { suggestTags } from "../lib/claims/suggest";
import { parseLabelled, scoreSuggestions } from "../lib/claims/testdata/labelled";
import { compareWinkSpeakers } from "./wink-speaker";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const root = new URL("../", import.meta.url);
const sharedBench = new URL("../shared/benchmarks/", root);
const rules = JSON.parse(readFileSync(new URL("golden-rules-en.json", sharedBench), "utf8")) as { id: number; text: string; expected: string[] }[];
const sample = readFileSync(new URL("../shared/samples/ottawa-treaty-withdrawal.txt", root), "utf8");

type Splitter = { name: string; split: (text: string) => string[]; slow?: boolean };

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
const wink = winkNLP(model);

const splitters: Splitter[] = [
  { name: "claimtrack", split: (t) => splitSentences(t).map((s) => t.slice(s.start, s.end)) },
  {
    name: "Intl.Segmenter/paragraph",
    // Per paragraph: over one long string Node 20 copies the input into every segment.
    split: (t) => t.split("\n").flatMap((p) => Array.from(segmenter.segment(p), (s) => s.segment)),
  },
  { name: "sbd", split: (t) => sbd.sentences(t, { newline_boundaries: true }) },
  { name: "wink-nlp", split: (t) => wink.readDoc(t).sentences().out() as string[], slow: true },
  { name: "compromise", split: (t) => nlp(t).sentences().out("array") as string[], slow: true },
];

function goldenRules(split: Splitter["split"]): number {
  return rules.filter((r) => {
    const got = split(r.text).map((s) => s.trim()).filter((s) => s !== "");
    return JSON.stringify(got) === JSON.stringify(r.expected);
  }).length;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median seconds of `runs` timed calls after one warm-up call. */
function time(fn: () => unknown, runs: number): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push((performance.now() - t0) / 1000);
  }
  return median(times);
}

function repeatTo(chars: number): string {
  const parts: string[] = [];
  let n = 0;
  while (n < chars) {
    parts.push(sample);
    n += sample.length + 2;
  }
  return parts.join("\n\n");
}

function pad(s: string | number, n: number): string {
  return String(s).padEnd(n);
}

console.log(`Claim splitting and suggestions — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus()[0]?.model ?? "cpu"} x${cpus().length}`);

// ---- 1. Memory ------------------------------------------------------------------------
function settle(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}
function retainedMB(fn: () => unknown): { mb: number; result: unknown } {
  const before = settle();
  const result = fn();
  return { mb: (settle() - before) / 1e6, result };
}
console.log("Memory (heap retained by the result, after GC; measured before the other libraries load data):");
for (const chars of [1_000_000, 4_000_000]) {
  const text = repeatTo(chars);
  settle();
  const { mb, result } = retainedMB(() => splitSentences(text));
  const n = (result as unknown[]).length;
  console.log(`  claimtrack spans for ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB: ${mb.toFixed(1)} MB for ${n} spans (${((mb * 1e6) / n).toFixed(0)} B/span)`);
}
const trapText = repeatTo(64_000);
const whole = retainedMB(() => Array.from(segmenter.segment(trapText)));
const perParagraph = retainedMB(() => trapText.split("\n").flatMap((p) => Array.from(segmenter.segment(p))));
console.log(`  Intl.Segmenter segments of a 64 kB text: whole text ${whole.mb.toFixed(1)} MB, per paragraph ${perParagraph.mb.toFixed(1)} MB (the STACK.md trap)\n`);

// ---- 2. Splitters: Golden Rules and throughput --------------------------------------
const big = repeatTo(1_000_000);
const bigMB = Buffer.byteLength(big) / 1e6;
const slowSlice = big.slice(0, 100_000);
const slowMB = Buffer.byteLength(slowSlice) / 1e6;
console.log(`Throughput text: the sample article repeated to ${bigMB.toFixed(2)} MB (slow libraries: first ${(slowMB * 1000).toFixed(0)} kB)\n`);
console.log(`${pad("splitter", 26)}${pad("Golden Rules", 16)}${pad("MB/s", 10)}sentences`);
const speeds = new Map<string, number>();
for (const s of splitters) {
  const passed = goldenRules(s.split);
  const text = s.slow ? slowSlice : big;
  const mb = s.slow ? slowMB : bigMB;
  const secs = time(() => s.split(text), s.slow ? 1 : 5);
  const count = s.split(text).length;
  speeds.set(s.name, mb / secs);
  console.log(`${pad(s.name, 26)}${pad(`${passed}/48 ${((passed / 48) * 100).toFixed(1)}%`, 16)}${pad((mb / secs).toFixed(1), 10)}${count}`);
}
const ratio = (speeds.get("claimtrack") ?? 0) / (speeds.get("sbd") ?? 1);
console.log(`\nclaimtrack / sbd throughput: ${ratio.toFixed(2)}x (target >= 1.3x; >= 10 MB/s)`);

// ---- 3. Suggestions on the labelled set -----------------------------------------------
const newsDir = new URL("lib/claims/testdata/news/", root);
const articles = readdirSync(newsDir)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => parseLabelled(f, readFileSync(new URL(f, newsDir), "utf8")));
const score = scoreSuggestions(articles);
console.log(`\nSuggestions on the labelled set (${score.sentences} sentences, ${articles.length} articles; lib/claims/testdata/PROVENANCE.md):`);
console.log(`  tag accuracy ${(score.tagAccuracy * 100).toFixed(1)}%`);
for (const t of score.perTag) {
  console.log(`  ${pad(t.tag, 11)} precision ${(t.precision * 100).toFixed(1)}%  recall ${(t.recall * 100).toFixed(1)}%  (n=${t.support})`);
}
console.log(`  speaker span exact ${score.speakerExact}/${score.speakerTotal} (${((score.speakerExact / score.speakerTotal) * 100).toFixed(1)}%)`);
console.log(`  cue span exact     ${score.cueExact}/${score.cueTotal} (${((score.cueExact / score.cueTotal) * 100).toFixed(1)}%)`);

const heldDir = new URL("lib/claims/testdata/news-heldout/", root);
const heldOut = readdirSync(heldDir)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => parseLabelled(f, readFileSync(new URL(f, heldDir), "utf8")));
const held = scoreSuggestions(heldOut);
console.log(`  held out (${held.sentences} sentences, labelled after tuning and never tuned on): accuracy ${(held.tagAccuracy * 100).toFixed(1)}%, ` +
  held.perTag.map((t) => `${t.tag} P ${(t.precision * 100).toFixed(0)}% R ${(t.recall * 100).toFixed(0)}%`).join(", ") +
  `, speaker exact ${held.speakerExact}/${held.speakerTotal}, cue exact ${held.cueExact}/${held.cueTotal}`);

const article2000 = repeatTo(sample.length * 125);
const sentences2000 = splitClaims(article2000).length;
const importSecs = time(() => suggestTags(article2000, splitClaims(article2000)), 3);
console.log(`  import of a ${sentences2000}-sentence article (split + suggest): ${(importSecs * 1000).toFixed(0)} ms`);

// ---- 4. Does a POS tagger help find speakers? ----------------------------------------
const w = compareWinkSpeakers(articles);
const winkImportSecs = time(() => wink.readDoc(article2000), 1);
console.log(`\nwink-nlp POS tags for speaker boundaries (${w.compared} labelled speakers before their cue):`);
console.log(`  rules ${w.rulesExact}/${w.compared} exact, wink POS walk ${w.winkExact}/${w.compared} exact`);
console.log(`  wink model load ${w.loadMs.toFixed(0)} ms; its full pipeline on the ${sentences2000}-sentence article ${(winkImportSecs * 1000).toFixed(0)} ms`);
