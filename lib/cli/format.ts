import type { Span, Suggestion } from "../claims/types";

/** One claim as printed by `claimtrack split --json`; absent values are null. */
export type ClaimRecord = {
  start: number;
  end: number;
  text: string;
  tag: Suggestion["tag"] | null;
  confidence: number | null;
  reasons: string[] | null;
  speaker: string | null;
  speakerStart: number | null;
  speakerEnd: number | null;
  cue: string | null;
  cueStart: number | null;
  cueEnd: number | null;
};

/** Builds the JSON records; `suggestions` is null without --suggest. */
export function toRecords(text: string, spans: Span[], suggestions: Suggestion[] | null): ClaimRecord[] {
  return spans.map((span, i) => {
    const s = suggestions?.[i] ?? null;
    return {
      start: span.start,
      end: span.end,
      text: text.slice(span.start, span.end),
      tag: s?.tag ?? null,
      confidence: s ? Math.round(s.confidence * 100) / 100 : null,
      reasons: s?.reasons ?? null,
      speaker: s?.speaker?.text ?? null,
      speakerStart: s?.speaker?.start ?? null,
      speakerEnd: s?.speaker?.end ?? null,
      cue: s?.cue?.text ?? null,
      cueStart: s?.cue?.start ?? null,
      cueEnd: s?.cue?.end ?? null,
    };
  });
}

/** A listing for people: one claim a line, then its suggestion indented below it. */
export function formatListing(records: ClaimRecord[]): string {
  const width = String(records.length).length;
  const lines: string[] = [];
  records.forEach((r, i) => {
    lines.push(`${String(i + 1).padStart(width)}  [${r.start}-${r.end}]  ${r.text}`);
    if (r.tag === null) return;
    const parts = [`${r.tag} ${Math.round((r.confidence ?? 0) * 100)}%`];
    if (r.speaker !== null) parts.push(`speaker "${r.speaker}" [${r.speakerStart}-${r.speakerEnd}]`);
    if (r.cue !== null) parts.push(`cue "${r.cue}" [${r.cueStart}-${r.cueEnd}]`);
    lines.push(`${" ".repeat(width)}  ${parts.join("  ")}`);
    lines.push(`${" ".repeat(width)}  why: ${(r.reasons ?? []).join("; ")}`);
  });
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}
