import type { ClaimView } from "@/lib/data/views";

export type EvidenceMark = { id: string; start: number; end: number; kind: "speaker" | "cue" };

/**
 * The speaker and cue spans of each claim's suggestion, to highlight in the text while the
 * claim is untagged or tagged as suggested (a different tag means the editor disagreed).
 */
export function evidenceMarks(claims: readonly ClaimView[]): EvidenceMark[] {
  const marks: EvidenceMark[] = [];
  for (const c of claims) {
    const s = c.suggestion;
    if (!s || (c.tag !== null && c.tag !== s.tag)) continue;
    if (s.speaker) marks.push({ id: `speaker:${c.id}`, start: s.speaker.start, end: s.speaker.end, kind: "speaker" });
    if (s.cue) marks.push({ id: `cue:${c.id}`, start: s.cue.start, end: s.cue.end, kind: "cue" });
  }
  return marks;
}
