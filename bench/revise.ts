/*
 * Seeded revisions of an article for bench/anchor.ts, with the ground truth tracked
 * through the edits. An article is held as paragraphs of items; an item is one claim
 * from splitClaims on the original (or a sentence inserted later) and keeps the text
 * that separated it from the previous item. Rendering gives the revision's text and
 * where every original claim now is, so truth never depends on the anchorer.
 */
import { splitClaims } from "../lib/claims/split";
import type { Span } from "../lib/claims/types";

/** mulberry32: a small seeded PRNG, so every revision can be rebuilt from its seed. */
export function makeRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Item = { claim: number | null; text: string; gap: string };
export type Doc = { paragraphs: Item[][]; claims: Span[]; original: string };
export type EditKind = "typo" | "insert" | "delete" | "move" | "reword";
export type Truth = { status: "unchanged" | "changed" | "deleted"; span: Span | null; text: string | null };

const PARAGRAPH = "\n\n";

/** Builds the model of an original text whose paragraphs are separated by blank lines. */
export function modelArticle(original: string): Doc {
  const claims = splitClaims(original);
  const paragraphs: Item[][] = [];
  let at = 0;
  let k = 0;
  for (const para of original.split(PARAGRAPH)) {
    const end = at + para.length;
    const items: Item[] = [];
    let prev = at;
    for (; k < claims.length && claims[k]!.start < end; k++) {
      const c = claims[k]!;
      items.push({ claim: k, text: original.slice(c.start, c.end), gap: original.slice(prev, c.start) });
      prev = c.end;
    }
    if (items.length) paragraphs.push(items);
    at = end + PARAGRAPH.length;
  }
  const doc = { paragraphs, claims, original };
  if (renderDoc(doc).text !== original) throw new Error("model does not reproduce the article (text outside claims)");
  return doc;
}

/** The revision's text, and where each original claim's item now is. */
export function renderDoc(doc: Doc): { text: string; spans: Map<number, Span> } {
  const spans = new Map<number, Span>();
  let text = "";
  doc.paragraphs.forEach((items, p) => {
    if (p > 0) text += PARAGRAPH;
    items.forEach((item, i) => {
      if (i > 0) text += item.gap === "" ? " " : item.gap;
      if (item.claim !== null) spans.set(item.claim, { start: text.length, end: text.length + item.text.length });
      text += item.text;
    });
  });
  return { text, spans };
}

/** Where each original claim should end up, read from the edited model. */
export function truthOf(doc: Doc): { text: string; truth: Truth[] } {
  const { text, spans } = renderDoc(doc);
  const truth = doc.claims.map((c, k): Truth => {
    const span = spans.get(k);
    if (!span) return { status: "deleted", span: null, text: null };
    const now = text.slice(span.start, span.end);
    return { status: now === doc.original.slice(c.start, c.end) ? "unchanged" : "changed", span, text: now };
  });
  return { text, truth };
}

const WORD = /[\p{L}]{4,}/gu;

function pick<T>(random: () => number, xs: readonly T[]): T {
  return xs[Math.floor(random() * xs.length)]!;
}

function words(text: string): { start: number; end: number }[] {
  return [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** A small in-word edit: swap two letters, drop one, double one or replace one. */
function typo(random: () => number, text: string): string {
  const ws = words(text);
  if (!ws.length) return text;
  const w = pick(random, ws);
  const i = w.start + 1 + Math.floor(random() * (w.end - w.start - 2));
  const kind = Math.floor(random() * 4);
  if (kind === 0) return text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
  if (kind === 1) return text.slice(0, i) + text.slice(i + 1);
  if (kind === 2) return text.slice(0, i) + text[i] + text.slice(i);
  const letter = String.fromCharCode(97 + Math.floor(random() * 26));
  return text.slice(0, i) + letter + text.slice(i + 1);
}

/** Replaces 1–5 words with words from elsewhere in the corpus. */
function reword(random: () => number, text: string, vocabulary: readonly string[]): string {
  let out = text;
  const count = 1 + Math.floor(random() * 5);
  for (let n = 0; n < count; n++) {
    const ws = words(out);
    if (!ws.length) break;
    const w = pick(random, ws);
    out = out.slice(0, w.start) + pick(random, vocabulary) + out.slice(w.end);
  }
  return out;
}

function allItems(doc: Doc): { p: number; i: number; item: Item }[] {
  return doc.paragraphs.flatMap((items, p) => items.map((item, i) => ({ p, i, item })));
}

/** Applies one seeded edit of the given kind to the model, in place. */
export function applyEdit(doc: Doc, kind: EditKind, random: () => number, pool: { sentences: readonly string[]; vocabulary: readonly string[] }): void {
  const items = allItems(doc);
  if (!items.length) return;
  const target = pick(random, items);
  if (kind === "typo") {
    target.item.text = typo(random, target.item.text);
  } else if (kind === "reword") {
    const claimed = items.filter((x) => x.item.claim !== null);
    const t = claimed.length ? pick(random, claimed) : target;
    t.item.text = reword(random, t.item.text, pool.vocabulary);
  } else if (kind === "delete") {
    const para = doc.paragraphs[target.p]!;
    para.splice(target.i, 1);
    if (!para.length) doc.paragraphs.splice(target.p, 1);
  } else if (kind === "insert") {
    const item: Item = { claim: null, text: pick(random, pool.sentences), gap: " " };
    if (random() < 0.5) doc.paragraphs.splice(Math.floor(random() * (doc.paragraphs.length + 1)), 0, [item]);
    else doc.paragraphs[target.p]!.splice(Math.floor(random() * (doc.paragraphs[target.p]!.length + 1)), 0, item);
  } else if (doc.paragraphs.length > 1) {
    const [moved] = doc.paragraphs.splice(target.p, 1);
    let to = Math.floor(random() * (doc.paragraphs.length + 1));
    if (to === target.p) to = (to + 1) % (doc.paragraphs.length + 1);
    doc.paragraphs.splice(to, 0, moved!);
  }
}

/** A deep copy of the model, so each revision starts from the original. */
export function cloneDoc(doc: Doc): Doc {
  return { ...doc, paragraphs: doc.paragraphs.map((items) => items.map((item) => ({ ...item }))) };
}

/** Levenshtein distance by the full table, for the truth only (sentences, not articles). */
export function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    row = next;
  }
  return row[b.length]!;
}
