"use client";

import type { ClaimView } from "@/lib/data/views";

type Props = {
  claim: ClaimView;
  hasNext: boolean;
  caret: number | null;
  onSplit: (at: number) => void;
  onMergeNext: () => void;
  onMove: (edge: "start" | "end", direction: -1 | 1) => void;
  onDelete: () => void;
};

/** Reshaping a claim: split, merge with the next, move either edge by a word, delete. */
export function SpanControls({ claim, hasNext, caret, onSplit, onMergeNext, onMove, onDelete }: Props) {
  const caretInside = caret !== null && caret > claim.start && caret < claim.end;
  const suggested = claim.suggestion?.splitAt ?? null;
  const suggestedInside = suggested !== null && suggested > claim.start && suggested < claim.end;
  return (
    <div className="span-controls" role="group" aria-label="Reshape the claim">
      <button type="button" className="button small" disabled={!caretInside} onClick={() => caretInside && onSplit(caret)} aria-keyshortcuts="/">
        Split at caret
      </button>
      {suggestedInside && (
        <button type="button" className="button small" onClick={() => onSplit(suggested)}>
          Split at suggested point
        </button>
      )}
      <button type="button" className="button small" disabled={!hasNext} onClick={onMergeNext} aria-keyshortcuts="m">
        Merge with next
      </button>
      <span className="edge-buttons">
        <button type="button" className="icon-button" aria-label="Move start one word left" aria-keyshortcuts="[" onClick={() => onMove("start", -1)}>
          ⟨◂
        </button>
        <button type="button" className="icon-button" aria-label="Move start one word right" aria-keyshortcuts="]" onClick={() => onMove("start", 1)}>
          ⟨▸
        </button>
        <button type="button" className="icon-button" aria-label="Move end one word left" aria-keyshortcuts="{" onClick={() => onMove("end", -1)}>
          ◂⟩
        </button>
        <button type="button" className="icon-button" aria-label="Move end one word right" aria-keyshortcuts="}" onClick={() => onMove("end", 1)}>
          ▸⟩
        </button>
      </span>
      <button type="button" className="button small danger" onClick={onDelete} aria-keyshortcuts="x">
        Delete claim
      </button>
    </div>
  );
}
