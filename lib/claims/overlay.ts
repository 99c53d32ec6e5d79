import type { Span } from "./types";

/** A run of text covered by the same set of claims. */
export type Piece = { start: number; end: number; claimIds: string[] };

/**
 * Cuts [0, length) into pieces at every claim boundary, so that overlapping and nested
 * claims can be highlighted: each piece lists the claims that cover it, outermost
 * (longest) first. Runs in O(n log n) for n claims plus the pieces produced.
 */
export function overlayClaims(length: number, claims: readonly (Span & { id: string })[]): Piece[] {
  const cuts = new Set<number>([0, length]);
  for (const c of claims) {
    cuts.add(Math.max(0, Math.min(length, c.start)));
    cuts.add(Math.max(0, Math.min(length, c.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...claims].sort((a, b) => a.start - b.start || b.end - a.end);
  const pieces: Piece[] = [];
  const open: (Span & { id: string })[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    while (next < byStart.length && byStart[next]!.start <= start) open.push(byStart[next++]!);
    for (let j = open.length - 1; j >= 0; j--) if (open[j]!.end <= start) open.splice(j, 1);
    const covering = open
      .filter((c) => c.start <= start && c.end >= end && c.end > c.start)
      .sort((a, b) => b.end - b.start - (a.end - a.start));
    pieces.push({ start, end, claimIds: covering.map((c) => c.id) });
  }
  return pieces;
}
