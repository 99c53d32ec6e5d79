/*
 * npm run bench:anchor — re-anchoring quality and speed (issue 4). Revisions are built by
 * seeded edits (typo fixes, inserted and deleted sentences, moved paragraphs, reworded
 * claims) to the VOA news texts and the sample article; claims come from splitClaims on
 * the original; the truth is tracked through the edits (bench/revise.ts). Prints
 * figures; asserts nothing.
 */
import { readdirSync, readFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { attachClaimsToHunks, reanchorClaims, revisionDiff, type AnchorResult, type ClaimAnchor } from "../lib/claims/anchor";
import { buildQuoteSelector } from "../lib/claims/quote";
import { MAX_ERROR_RATIO } from "../lib/claims/quote-match";
import { splitClaims } from "../lib/claims/split";
import { parseLabelled } from "../lib/claims/testdata/labelled";
import type { Span } from "../lib/claims/types";
import { applyEdit, cloneDoc, levenshtein, makeRandom, modelArticle, truthOf, type Doc, type EditKind, type Truth } from "./revise";

const root = new URL("../", import.meta.url);
const testdata = new URL("lib/claims/testdata/", root);

function readLabelled(dir: string): { name: string; sentences: string[] }[] {
  const url = new URL(dir, testdata);
  return readdirSync(url)
    .filter((f) => f.endsWith(".txt") && f !== "ottawa-treaty-withdrawal.txt")
    .sort()
    .map((f) => {
      const a = parseLabelled(f, readFileSync(new URL(f, url), "utf8"));
      return { name: f, sentences: a.sentences.map((s) => a.text.slice(s.span.start, s.span.end)) };
    });
}

// The VOA texts are stored one sentence a line: group them into paragraphs of 1–3
// sentences (fixed seed) as a pasted article would have. The sample has real paragraphs.
const group = makeRandom(1);
const voa = readLabelled("news/");
const articles = voa.map(({ name, sentences }) => {
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; ) {
    const n = 1 + Math.floor(group() * 3);
    paragraphs.push(sentences.slice(i, i + n).join(" "));
    i += n;
  }
  return { name, text: paragraphs.join("\n\n") };
});
const sample = readFileSync(new URL("ottawa-treaty-withdrawal.txt", testdata), "utf8");
articles.push({ name: "ottawa-treaty-withdrawal.txt (sample)", text: sample.split("\n").filter((l) => l.trim()).join("\n\n") });

// Inserted sentences never repeat one already in the article, or the truth ("a new
// sentence") would contradict the best answer ("the claim moved there"): single articles
// draw from the other articles and the held-out texts, the 2,000-claim one (which holds
// every article) from the held-out texts only.
type Pool = { sentences: readonly string[]; vocabulary: readonly string[] };
const heldOut = readLabelled("news-heldout/").flatMap((a) => a.sentences);
const vocabulary = [...new Set(articles.flatMap((a) => a.text.match(/\p{L}{4,}/gu) ?? []))];
const poolFor = (article: { name: string; text: string }): Pool => ({
  sentences: [...heldOut, ...articles.filter((a) => a.name !== article.name).flatMap((a) => splitClaims(a.text).map((c) => a.text.slice(c.start, c.end)))].filter(
    (s) => !article.text.includes(s),
  ),
  vocabulary,
});

const KINDS: EditKind[] = ["typo", "typo", "insert", "delete", "move", "reword"];

/** One revision of `base` with `edits` seeded edits, and its truth. */
function revise(base: Doc, seed: number, edits: number, pool: Pool): { text: string; truth: Truth[] } {
  const doc = cloneDoc(base);
  const random = makeRandom(seed);
  for (let e = 0; e < edits; e++) applyEdit(doc, KINDS[Math.floor(random() * KINDS.length)]!, random, pool);
  return truthOf(doc);
}

function claimsOf(doc: Doc): ClaimAnchor[] {
  return doc.claims.map((c, k) => ({ id: String(k), ...c, quote: buildQuoteSelector(doc.original, c) }));
}

const ROWS = ["unchanged", `changed ≤${MAX_ERROR_RATIO * 100}%`, `changed >${MAX_ERROR_RATIO * 100}%`, "deleted"] as const;
const COLS = ["anchored, right place", "anchored, wrong place", "changed, right place", "changed, wrong place", "orphaned"] as const;
type Table = Map<string, number>;

function overlaps(a: Span, b: Span): boolean {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return inter > 0 && inter / union >= 0.5;
}

/** Adds one revision's results to the confusion table (right place: exact span when anchored, overlap ≥ 50% when changed). */
function tally(table: Table, doc: Doc, truth: Truth[], results: AnchorResult[], exactChanged: { n: number }): void {
  results.forEach((r, k) => {
    const t = truth[k]!;
    const c = doc.claims[k]!;
    let row: (typeof ROWS)[number] = ROWS[0];
    if (t.status === "deleted") row = ROWS[3];
    else if (t.status === "changed") row = levenshtein(doc.original.slice(c.start, c.end), t.text!) / (c.end - c.start) <= MAX_ERROR_RATIO ? ROWS[1] : ROWS[2];
    let col: (typeof COLS)[number] = COLS[4];
    const got = r.start !== null && r.end !== null ? { start: r.start, end: r.end } : null;
    if (r.status === "anchored") col = got && t.span && got.start === t.span.start && got.end === t.span.end ? COLS[0] : COLS[1];
    if (r.status === "changed") col = got && t.span && overlaps(got, t.span) ? COLS[2] : COLS[3];
    if (r.status === "changed" && got && t.span && got.start === t.span.start && got.end === t.span.end) exactChanged.n++;
    table.set(`${row}|${col}`, (table.get(`${row}|${col}`) ?? 0) + 1);
  });
}

function printTable(title: string, table: Table, exactChanged: number): void {
  console.log(`\n${title}\n\n| truth \\ result | ${COLS.join(" | ")} | total |\n| --- |${" --- |".repeat(COLS.length + 1)}`);
  for (const row of ROWS) {
    const cells = COLS.map((col) => table.get(`${row}|${col}`) ?? 0);
    console.log(`| ${row} | ${cells.join(" | ")} | ${cells.reduce((a, b) => a + b, 0)} |`);
  }
  const at = (row: string, col: string) => table.get(`${row}|${col}`) ?? 0;
  const unchanged = COLS.reduce((s, col) => s + at(ROWS[0], col), 0);
  const anchoredChanged = ROWS.slice(1).reduce((s, row) => s + at(row, COLS[0]) + at(row, COLS[1]), 0);
  const changed = COLS.reduce((s, col) => s + at(ROWS[1], col), 0);
  console.log(`\n- unchanged claims re-anchored to the right place: ${at(ROWS[0], COLS[0])}/${unchanged} (${((100 * at(ROWS[0], COLS[0])) / Math.max(1, unchanged)).toFixed(2)}%); at a wrong place: ${at(ROWS[0], COLS[1])}`);
  console.log(`- claims marked anchored whose text changed or was deleted: ${anchoredChanged}`);
  console.log(`- changed claims (≤${MAX_ERROR_RATIO * 100}%) found as changed at the right place: ${at(ROWS[1], COLS[2])}/${changed}, with the exact true span: ${exactChanged}`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

console.log(`Re-anchoring — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus()[0]?.model ?? "cpu"} x${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);

// ---- 1. Each article, 25 revisions of 6 edits --------------------------------------
const singles: Table = new Map();
const singlesExact = { n: 0 };
let singleRevisions = 0;
let singleClaims = 0;
for (const [a, article] of articles.entries()) {
  const doc = modelArticle(article.text);
  const claims = claimsOf(doc);
  const pool = poolFor(article);
  singleClaims += claims.length;
  for (let r = 0; r < 25; r++) {
    const { text, truth } = revise(doc, 1000 * a + r, 6, pool);
    tally(singles, doc, truth, reanchorClaims(doc.original, text, claims), singlesExact);
    singleRevisions++;
  }
}
printTable(`Single articles: ${articles.length} articles (${singleClaims} claims), ${singleRevisions} revisions of 6 seeded edits each`, singles, singlesExact.n);

// ---- 2. A 2,000-claim article ------------------------------------------------------
const parts: string[] = [];
let claimCount = 0;
for (let i = 0; claimCount < 2000; i++) {
  const t = articles[i % articles.length]!.text;
  parts.push(t);
  claimCount += modelArticle(t).claims.length;
}
const big = modelArticle(parts.join("\n\n"));
const bigClaims = claimsOf(big);
const bigPool: Pool = { sentences: heldOut, vocabulary };
console.log(`\n2,000-claim article: ${articles.length} articles concatenated (each ${Math.ceil(parts.length / articles.length)}x), ${bigClaims.length} claims, ${(big.original.length / 1000).toFixed(0)} k characters`);

function timeRevisions(label: string, edits: number, seeds: number[], table?: Table, exact?: { n: number }): void {
  const times: number[] = [];
  const diffTimes: number[] = [];
  reanchorClaims(big.original, revise(big, 99, edits, bigPool).text, bigClaims); // warm-up
  for (const seed of seeds) {
    const { text, truth } = revise(big, seed, edits, bigPool);
    const t0 = performance.now();
    const results = reanchorClaims(big.original, text, bigClaims);
    const t1 = performance.now();
    attachClaimsToHunks(revisionDiff(big.original, text), bigClaims);
    diffTimes.push(performance.now() - t1);
    times.push(t1 - t0);
    if (table && exact) tally(table, big, truth, results, exact);
  }
  console.log(`| ${label} | ${seeds.length} | ${median(times).toFixed(0)} ms | ${Math.max(...times).toFixed(0)} ms | ${median(diffTimes).toFixed(0)} ms |`);
}

const bigTable: Table = new Map();
const bigExact = { n: 0 };
console.log(`\n| revision of the 2,000-claim article | revisions | reanchorClaims median | max | revisionDiff + affected claims, median |\n| --- | --- | --- | --- | --- |`);
const identical = performance.now();
reanchorClaims(big.original, big.original, bigClaims);
console.log(`| identical text | 1 | ${(performance.now() - identical).toFixed(0)} ms | | |`);
timeRevisions("10 seeded edits", 10, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
timeRevisions("150 seeded edits", 150, [11, 12, 13, 14, 15, 16, 17, 18, 19, 20], bigTable, bigExact);

// Worst case: every claim reworded (3–5 words), so the fast passes fail for all of them.
const heavy = cloneDoc(big);
const heavyRandom = makeRandom(7);
for (let i = 0; i < 2000; i++) applyEdit(heavy, "reword", heavyRandom, bigPool);
const heavyText = truthOf(heavy).text;
const h0 = performance.now();
const heavyResults = reanchorClaims(big.original, heavyText, bigClaims);
const heavyCounts = ["anchored", "changed", "orphaned"].map((s) => `${heavyResults.filter((r) => r.status === s).length} ${s}`).join(", ");
console.log(`| 2,000 rewording edits (worst case) | 1 | ${(performance.now() - h0).toFixed(0)} ms | | |`);
console.log(`\nWorst case results: ${heavyCounts}.`);

printTable("2,000-claim article, 10 revisions of 150 seeded edits each", bigTable, bigExact.n);
