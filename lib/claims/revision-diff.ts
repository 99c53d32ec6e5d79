import DiffMatchPatch from "diff-match-patch";
import { isInsideWord } from "./text-units";
import type { Span } from "./types";

/*
 * What changed between two revisions of an article, as hunks of old and new offsets.
 *
 * diff-match-patch computes the diff, by sentence and then by character: on the
 * 2,000-claim article of BENCHMARKS.md with 150 edits it takes 50 ms, against 2.9 s for
 * jsdiff's diffWords. Its diff is character-level, so each hunk is then widened to whole
 * words: a typo fix reads "recieve → receive", not "ie → ei", and no hunk edge cuts a
 * surrogate pair.
 */

/** One changed region: old text [oldStart, oldEnd) became new text [newStart, newEnd). */
export type HunkRange = { oldStart: number; oldEnd: number; newStart: number; newEnd: number };

/** A changed region with its text on both sides, for the "what changed" view. */
export type RevisionHunk = HunkRange & { oldText: string; newText: string };

const dmp = new DiffMatchPatch();
// No half-match shortcut: on repetitive text (a boilerplate paragraph, a quote repeated)
// it can align the wrong copy and report a whole section as moved. Time is bounded by
// the explicit deadlines below instead: past one the diff is coarser, never wrong.
dmp.Diff_Timeout = 0;

/** Time for the sentence-level pass, then for all character-level passes together. */
const SENTENCE_DEADLINE_MS = 200;
const CHARACTER_DEADLINE_MS = 200;

type Diff = [number, string];

/**
 * Cuts text after each line break, after sentence-final punctuation and its spaces, and
 * after a CJK full stop (Chinese and Japanese put no space after one). Rough on purpose:
 * a wrong cut ("U.S. ") only makes a token smaller, and the character pass fixes the rest.
 */
function sentenceChunks(text: string): string[] {
  const chunks: string[] = [];
  const boundary = /\n|[.!?…]+["'”’»)\]]*[ \t]+|[。！？]+[」』”’]*/g;
  let from = 0;
  for (let m = boundary.exec(text); m !== null; m = boundary.exec(text)) {
    chunks.push(text.slice(from, m.index + m[0].length));
    from = m.index + m[0].length;
  }
  if (from < text.length) chunks.push(text.slice(from));
  return chunks;
}

/**
 * The diff in two levels, as diff-match-patch's line mode does but by sentence: first
 * sentences as tokens (one character each), then each replaced run of sentences again
 * character by character — pair by pair when as many sentences went as came, which is
 * both cheaper (Myers is quadratic in the run) and reads better. A moved paragraph
 * stays one deletion and one insertion.
 */
function twoLevelDiff(oldText: string, newText: string): Diff[] {
  const ids = new Map<string, number>();
  const table: string[] = [];
  const encode = (text: string) =>
    sentenceChunks(text)
      .map((chunk) => {
        let id = ids.get(chunk);
        if (id === undefined) ids.set(chunk, (id = table.push(chunk) - 1));
        return String.fromCharCode(id);
      })
      .join("");
  const a = encode(oldText);
  const b = encode(newText);
  // One UTF-16 unit per distinct sentence: past 65,536 of them, diff characters directly.
  if (table.length > 0xffff) return dmp.diff_main(oldText, newText, false, Date.now() + SENTENCE_DEADLINE_MS) as Diff[];
  const coarse = dmp.diff_main(a, b, false, Date.now() + SENTENCE_DEADLINE_MS);
  const deadline = Date.now() + CHARACTER_DEADLINE_MS;
  const out: Diff[] = [];
  const refine = (deleted: string, inserted: string) => {
    if (!deleted || !inserted) {
      if (deleted || inserted) out.push(deleted ? [-1, deleted] : [1, inserted]);
      return;
    }
    const fine = dmp.diff_main(deleted, inserted, false, deadline);
    dmp.diff_cleanupSemantic(fine);
    out.push(...(fine as Diff[]));
  };
  const decode = (encoded: string) => Array.from(encoded, (c) => table[c.charCodeAt(0)]!);
  let deleted: string[] = [];
  let inserted: string[] = [];
  const flush = () => {
    if (deleted.length === inserted.length) deleted.forEach((d, i) => refine(d, inserted[i]!));
    else refine(deleted.join(""), inserted.join(""));
    deleted = [];
    inserted = [];
  };
  for (const [op, encoded] of coarse) {
    if (op < 0) deleted.push(...decode(encoded));
    else if (op > 0) inserted.push(...decode(encoded));
    else {
      flush();
      out.push([0, decode(encoded).join("")]);
    }
  }
  flush();
  return out;
}

function rawRanges(oldText: string, newText: string): HunkRange[] {
  const diffs = twoLevelDiff(oldText, newText);
  const ranges: HunkRange[] = [];
  let o = 0;
  let n = 0;
  let current: HunkRange | null = null;
  for (const [op, part] of diffs) {
    if (op === 0) {
      if (current) ranges.push(current);
      current = null;
      o += part.length;
      n += part.length;
      continue;
    }
    current ??= { oldStart: o, oldEnd: o, newStart: n, newEnd: n };
    if (op < 0) current.oldEnd = o += part.length;
    else current.newEnd = n += part.length;
  }
  if (current) ranges.push(current);
  return ranges;
}

/**
 * The changed regions between two texts, sorted, disjoint and never touching, each
 * widened so that no edge cuts a word or a surrogate pair on either side.
 */
export function diffRanges(oldText: string, newText: string): HunkRange[] {
  if (oldText === newText) return [];
  const raw = rawRanges(oldText, newText);
  const out: HunkRange[] = [];
  for (let k = 0; k < raw.length; k++) {
    const h = { ...raw[k]! };
    const last = out[out.length - 1];
    const floor = last ? last.oldEnd : 0;
    const ceiling = raw[k + 1]?.oldStart ?? oldText.length;
    // Between hunks the two texts are equal, so both sides step together.
    while (h.oldStart > floor && (isInsideWord(oldText, h.oldStart) || isInsideWord(newText, h.newStart))) {
      h.oldStart--;
      h.newStart--;
    }
    while (h.oldEnd < ceiling && (isInsideWord(oldText, h.oldEnd) || isInsideWord(newText, h.newEnd))) {
      h.oldEnd++;
      h.newEnd++;
    }
    if (last && h.oldStart <= last.oldEnd) {
      last.oldEnd = h.oldEnd;
      last.newEnd = h.newEnd;
    } else {
      out.push(h);
    }
  }
  return out;
}

/**
 * Where an old offset lands in the new text. `isExact` is false inside a changed region,
 * where the offset is a proportional guess. `range` is the hunk that makes the claim
 * edge uncertain: the one containing it, starting at a claim's start or ending at a
 * claim's end (the edge text itself changed), or inserted right at it.
 */
export type MappedOffset = { offset: number; isExact: boolean; range: HunkRange | null };

/**
 * Maps an offset of the old text into the new one. At a pure insertion a claim's start
 * (bias "start") goes after the inserted text and its end (bias "end") before it, so
 * text inserted between two claims joins neither.
 */
export function mapOffset(ranges: readonly HunkRange[], offset: number, bias: "start" | "end"): MappedOffset {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]!.oldStart <= offset) lo = mid + 1;
    else hi = mid;
  }
  const h = ranges[lo - 1];
  if (!h || offset > h.oldEnd) return { offset: h ? offset + h.newEnd - h.oldEnd : offset, isExact: true, range: null };
  if (h.oldStart === h.oldEnd) return { offset: bias === "start" ? h.newEnd : h.newStart, isExact: true, range: h };
  if (offset === h.oldStart) return { offset: h.newStart, isExact: true, range: bias === "start" ? h : null };
  if (offset === h.oldEnd) return { offset: h.newEnd, isExact: true, range: bias === "end" ? h : null };
  const ratio = (offset - h.oldStart) / (h.oldEnd - h.oldStart);
  return { offset: h.newStart + Math.round(ratio * (h.newEnd - h.newStart)), isExact: false, range: h };
}

/** The hunks between two revisions, word-level, with nearby changes on one line joined for reading. */
export function revisionDiff(oldText: string, newText: string): RevisionHunk[] {
  const joined: HunkRange[] = [];
  for (const r of diffRanges(oldText, newText)) {
    const last = joined[joined.length - 1];
    // "A B" → "C D" reads as one change, not two: join across a few spaces, not a line break.
    if (last && r.oldStart - last.oldEnd <= 3 && /^[ \t]*$/.test(oldText.slice(last.oldEnd, r.oldStart))) {
      last.oldEnd = r.oldEnd;
      last.newEnd = r.newEnd;
    } else {
      joined.push({ ...r });
    }
  }
  return joined.map((r) => ({ ...r, oldText: oldText.slice(r.oldStart, r.oldEnd), newText: newText.slice(r.newStart, r.newEnd) }));
}

/**
 * Lists, for each hunk, the claims (by old offsets) it touches: those it overlaps, or
 * that an insertion falls strictly inside. Text inserted at a claim's edge touches none.
 */
export function attachClaimsToHunks<H extends HunkRange>(hunks: readonly H[], claims: readonly (Span & { id: string })[]): (H & { claimIds: string[] })[] {
  const sorted = claims.filter((c) => c.end > c.start).sort((a, b) => a.start - b.start || a.end - b.end);
  // maxEnd[i]: the furthest end among sorted[0..i], so a backward scan knows when to stop.
  const maxEnd: number[] = [];
  for (const [i, c] of sorted.entries()) maxEnd.push(Math.max(c.end, maxEnd[i - 1] ?? 0));
  return hunks.map((h) => {
    const isInsertion = h.oldStart === h.oldEnd;
    // Claims starting before `limit` and ending after `floor` are touched.
    const limit = isInsertion ? h.oldStart : h.oldEnd;
    const floor = h.oldStart;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.start < limit) lo = mid + 1;
      else hi = mid;
    }
    const touched: string[] = [];
    for (let i = lo - 1; i >= 0 && maxEnd[i]! > floor; i--) {
      if (sorted[i]!.end > floor) touched.push(sorted[i]!.id);
    }
    return { ...h, claimIds: touched.reverse() };
  });
}
