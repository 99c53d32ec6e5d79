/*
 * npm run bench:similar — the "already checked" similarity (lib/claims/similar.ts) on the
 * labelled claim pairs (lib/claims/testdata/similar-pairs.json): precision, recall and F1
 * at the chosen threshold per split and per kind of pair, beside simple baselines and
 * ablations, then the ranking speed. Prints figures; asserts nothing.
 */
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import {
  analyzeClaim,
  compareFeatures,
  CONFLICT_FACTORS,
  rankSimilar,
  SIMILARITY_THRESHOLD,
  type ClaimComparison,
  type SimilarityConflict,
} from "../lib/claims/similar";

type Pair = { id: string; same: boolean; kind: string; split: "dev" | "test" | "heldout"; a: string; b: string };

const file = new URL("../lib/claims/testdata/similar-pairs.json", import.meta.url);
const { pairs } = JSON.parse(readFileSync(file, "utf8")) as { pairs: Pair[] };
const SPLITS = ["dev", "test", "heldout"] as const;

const analysed = pairs.map((p) => {
  const a = analyzeClaim(p.a);
  const b = analyzeClaim(p.b);
  return { pair: p, a, b, comparison: compareFeatures(a, b) };
});

// ---- scorers ---------------------------------------------------------------------------

type Scorer = { name: string; score: (x: (typeof analysed)[number]) => number; threshold?: number };

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
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

/** Character 3-grams of the lower-cased text with punctuation folded to spaces. */
function charGrams(text: string): Map<string, number> {
  const t = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim()} `;
  const grams = new Map<string, number>();
  for (let i = 0; i + 3 <= t.length; i += 1) grams.set(t.slice(i, i + 3), (grams.get(t.slice(i, i + 3)) ?? 0) + 1);
  return grams;
}

// IDF over every text of the set: unsupervised (labels unused), as a database-wide IDF would be.
const documentFrequency = new Map<string, number>();
const texts = pairs.flatMap((p) => [p.a, p.b]);
for (const t of texts) for (const g of charGrams(t).keys()) documentFrequency.set(g, (documentFrequency.get(g) ?? 0) + 1);
function tfidf(text: string): Map<string, number> {
  const weighted = new Map<string, number>();
  for (const [g, tf] of charGrams(text)) weighted.set(g, tf * Math.log(texts.length / (documentFrequency.get(g) ?? 1)));
  return weighted;
}

function withFactors(c: ClaimComparison, off: SimilarityConflict | "all" | null): number {
  return c.conflicts.reduce((s, k) => (off === "all" || off === k ? s : s * CONFLICT_FACTORS[k]), c.lexical);
}

const scorers: Scorer[] = [
  { name: "word-stem Jaccard", score: ({ a, b }) => jaccard(a.stems, b.stems) },
  { name: "char-3-gram cosine", score: ({ pair }) => cosine(charGrams(pair.a), charGrams(pair.b)) },
  { name: "char-3-gram TF-IDF cosine", score: ({ pair }) => cosine(tfidf(pair.a), tfidf(pair.b)) },
  { name: "Claimtrack lexical only", score: ({ comparison }) => withFactors(comparison, "all") },
  { name: "Claimtrack without negation", score: ({ comparison }) => withFactors(comparison, "negation"), threshold: SIMILARITY_THRESHOLD },
  { name: "Claimtrack without figures", score: ({ comparison }) => withFactors(comparison, "figure"), threshold: SIMILARITY_THRESHOLD },
  { name: "Claimtrack without names", score: ({ comparison }) => withFactors(comparison, "name"), threshold: SIMILARITY_THRESHOLD },
  { name: "Claimtrack (similarity)", score: ({ comparison }) => comparison.score, threshold: SIMILARITY_THRESHOLD },
];

// ---- measures ----------------------------------------------------------------------------

type Counts = { tp: number; fp: number; fn: number; tn: number };

function count(scores: number[], threshold: number, keep: (p: Pair) => boolean): Counts {
  const c: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  analysed.forEach(({ pair }, i) => {
    if (!keep(pair)) return;
    const yes = (scores[i] ?? 0) >= threshold;
    if (yes && pair.same) c.tp += 1;
    else if (yes) c.fp += 1;
    else if (pair.same) c.fn += 1;
    else c.tn += 1;
  });
  return c;
}

function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** The threshold with the best F1 on the dev split (baselines have no threshold of their own). */
function bestOnDev(scores: number[]): number {
  let best = 0;
  let bestF1 = -1;
  for (let t = 0.01; t < 1; t += 0.01) {
    const f1 = prf(count(scores, t, (p) => p.split === "dev")).f1;
    if (f1 > bestF1 + 1e-12) {
      bestF1 = f1;
      best = t;
    }
  }
  return Math.round(best * 100) / 100;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

console.log(`# Already-checked similarity — ${new Date().toISOString().slice(0, 10)}`);
console.log(`Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? "unknown"})`);
const bySplit = SPLITS.map((s) => `${s} ${pairs.filter((p) => p.split === s).length} (${pairs.filter((p) => p.split === s && p.same).length} same)`);
console.log(`Pairs: ${pairs.length} — ${bySplit.join(", ")}\n`);

console.log("| method | threshold | dev P / R / F1 | test P / R / F1 | held-out P / R / F1 |");
console.log("| --- | --- | --- | --- | --- |");
for (const scorer of scorers) {
  const scores = analysed.map(scorer.score);
  const threshold = scorer.threshold ?? bestOnDev(scores);
  const cells = SPLITS.map((s) => {
    const m = prf(count(scores, threshold, (p) => p.split === s));
    return `${pct(m.p)} / ${pct(m.r)} / ${pct(m.f1)}`;
  });
  const how = scorer.threshold === undefined ? "best on dev" : "fixed";
  console.log(`| ${scorer.name} | ${threshold.toFixed(2)} (${how}) | ${cells.join(" | ")} |`);
}

const final = analysed.map((x) => x.comparison.score);
const all = prf(count(final, SIMILARITY_THRESHOLD, () => true));
console.log(`\nClaimtrack, all ${pairs.length} pairs at ${SIMILARITY_THRESHOLD}: P ${pct(all.p)}, R ${pct(all.r)}, F1 ${pct(all.f1)}`);

console.log("\nPer kind (all splits): share of pairs judged right");
console.log("| kind | label | pairs | right |");
console.log("| --- | --- | --- | --- |");
for (const kind of [...new Set(pairs.map((p) => p.kind))]) {
  const ofKind = analysed.filter((x) => x.pair.kind === kind);
  const right = ofKind.filter((x) => x.comparison.score >= SIMILARITY_THRESHOLD === x.pair.same).length;
  console.log(`| ${kind} | ${ofKind[0]?.pair.same ? "same" : "different"} | ${ofKind.length} | ${right} (${pct(right / ofKind.length)}) |`);
}

console.log("\nThreshold sweep, Claimtrack on dev:");
for (const t of [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5]) {
  const m = prf(count(final, t, (p) => p.split === "dev"));
  console.log(`  ${t.toFixed(2)}: P ${pct(m.p)} R ${pct(m.r)} F1 ${pct(m.f1)}`);
}

// ---- speed -----------------------------------------------------------------------------

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)] ?? 0;
}

const candidates = Array.from({ length: 1000 }, (_, i) => ({ id: String(i), text: texts[i % texts.length] ?? "" }));
const runs: number[] = [];
for (let r = 0; r < 11; r += 1) {
  const start = performance.now();
  rankSimilar(texts[r] ?? "", candidates, { limit: 10 });
  runs.push(performance.now() - start);
}
const analyseStart = performance.now();
for (const t of texts) analyzeClaim(t);
const perClaim = (performance.now() - analyseStart) / texts.length;
console.log(`\nSpeed: rankSimilar over 1,000 candidates: median ${median(runs.slice(1)).toFixed(1)} ms (10 runs after a warm-up); analyzeClaim ${(1000 * perClaim).toFixed(0)} µs per claim`);
