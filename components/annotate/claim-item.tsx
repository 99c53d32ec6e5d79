"use client";

import { memo, useEffect, useRef, useState, type CSSProperties } from "react";
import type { ClaimView } from "@/lib/data/views";
import { CLAIM_TAGS, hasSpeaker } from "@/lib/schemas/claim";
import type { ClaimChanges } from "@/components/annotate/use-claim-saver";
import { TAG_LABELS } from "@/components/annotate/tag-labels";
import { SuggestionBox } from "@/components/annotate/suggestion-box";
import { SourceLinks } from "@/components/annotate/source-links";
import { DraftField } from "@/components/annotate/draft-field";
import { ConflictNotice, type Conflict } from "@/components/annotate/conflict-notice";
import { SpanControls } from "@/components/annotate/span-controls";
import { ClaimHistory } from "@/components/annotate/claim-history";
import { formatDateTime } from "@/components/ui/format";
import { VerdictEditor } from "@/components/annotate/verdict-editor";
import { ClaimComments } from "@/components/annotate/claim-comments";
import { AlreadyChecked } from "@/components/annotate/already-checked";

export type SaveState = { kind: "idle" | "saving" | "saved" } | { kind: "error"; message: string };
export type { Conflict };

/** What a claim item can ask the workspace to do. */
export type ClaimHandlers = {
  onSelect: (claimId: string) => void;
  onChange: (claimId: string, changes: ClaimChanges) => void;
  onAccept: (claimId: string) => void;
  onResolve: (claimId: string, choice: "theirs" | "mine") => void;
  onAddSource: (claimId: string, opener: HTMLButtonElement) => void;
  onRemoveSource: (claimId: string, linkId: string) => void;
  onSplit: (claimId: string, at: number) => void;
  onMergeNext: (claimId: string) => void;
  onMove: (claimId: string, edge: "start" | "end", direction: -1 | 1) => void;
  onDelete: (claimId: string) => void;
  onToggleHistory: (claimId: string) => void;
};

type Props = {
  claim: ClaimView;
  index: number;
  total: number;
  isSelected: boolean;
  canEdit: boolean;
  isApproved: boolean;
  hasNext: boolean;
  caret: number | null;
  isHistoryOpen: boolean;
  saveState: SaveState;
  conflict: Conflict | undefined;
  handlers: ClaimHandlers;
  /** Set by the virtualised list: the item's position. */
  style?: CSSProperties;
  measureRef?: (el: HTMLLIElement | null) => void;
};

/** One claim in the list: its tag, speaker and cue, note, sources, shape, history and save state. */
export const ClaimItem = memo(function ClaimItem(props: Props) {
  const { claim, index, total, isSelected, canEdit, saveState, conflict, handlers: h } = props;
  const itemRef = useRef<HTMLLIElement | null>(null);
  const [isReshaping, setReshaping] = useState(false);

  useEffect(() => {
    if (isSelected && itemRef.current && !itemRef.current.contains(document.activeElement)) {
      itemRef.current.scrollIntoView({ block: "nearest" });
    }
  }, [isSelected]);

  const set = (changes: ClaimChanges) => h.onChange(claim.id, changes);

  return (
    <li
      ref={(el) => {
        itemRef.current = el;
        props.measureRef?.(el);
      }}
      id={`claim-${claim.id}`}
      data-index={index}
      tabIndex={-1}
      aria-setsize={total}
      aria-posinset={index + 1}
      aria-current={isSelected ? "true" : undefined}
      aria-label={`Claim ${index + 1}: ${claim.text}`}
      style={props.style}
      className={`claim-item tag-${claim.tag ?? "none"}${isSelected ? " selected" : ""}`}
      onFocus={() => !isSelected && h.onSelect(claim.id)}
      onClick={() => !isSelected && h.onSelect(claim.id)}
    >
      <p className="claim-text">
        <span className="claim-num" aria-hidden="true">
          {index + 1}
        </span>
        {claim.text}
      </p>
      {claim.anchorStatus === "changed" && (
        <div className="anchor-notice" role="note">
          <strong>Changed since it was checked</strong> (by a new revision, or a span edit under a verdict). It used to read: <q>{claim.previousText}</q>
          {canEdit && (
            <button type="button" className="button small" onClick={() => set({ acknowledgeChange: true })}>
              Mark as re-read
            </button>
          )}
        </div>
      )}

      <SuggestionBox claim={claim} canEdit={canEdit} onAccept={() => h.onAccept(claim.id)} />

      <div role="radiogroup" aria-label="Tag" className="tag-group">
        {CLAIM_TAGS.map((tag) => (
          <label key={tag} className={`tag-option tag-${tag}`}>
            <input type="radio" name={`tag-${claim.id}`} value={tag} checked={claim.tag === tag} disabled={!canEdit} onChange={() => set({ tag })} />
            {TAG_LABELS[tag]}
          </label>
        ))}
        {canEdit && claim.tag !== null && (
          <button type="button" className="link-button small" onClick={() => set({ tag: null })}>
            Clear tag
          </button>
        )}
      </div>
      {claim.tag !== null && claim.taggedBy && (
        <p className="small muted tagged-by">
          {claim.tagOrigin === "suggestion" ? "Suggestion accepted" : "Tagged"} by {claim.taggedBy}
          {claim.taggedAt && `, ${formatDateTime(claim.taggedAt)}`}
        </p>
      )}

      {hasSpeaker(claim.tag) && (
        <div className="grid-2">
          <DraftField label="Speaker" field="speaker" value={claim.speaker} readOnly={!canEdit} onCommit={(speaker) => set({ speaker })} />
          <DraftField label="Cue" field="cue" value={claim.cue} readOnly={!canEdit} onCommit={(cue) => set({ cue })} />
        </div>
      )}
      <DraftField label="Note" field="note" multiline value={claim.note} readOnly={!canEdit} onCommit={(note) => set({ note })} />

      <SourceLinks sources={claim.sources} canEdit={canEdit} onRemove={(linkId) => h.onRemoveSource(claim.id, linkId)} />
      <div className="row claim-actions">
        {canEdit && (
          <button type="button" className="button small" onClick={(e) => h.onAddSource(claim.id, e.currentTarget)} aria-keyshortcuts="o">
            Add source
          </button>
        )}
        {canEdit && (
          <button type="button" className="button small" aria-expanded={isReshaping} onClick={() => setReshaping(!isReshaping)}>
            Reshape
          </button>
        )}
        <button type="button" className="button small" aria-expanded={props.isHistoryOpen} onClick={() => h.onToggleHistory(claim.id)} aria-keyshortcuts="h">
          History
        </button>
      </div>
      {canEdit && isReshaping && (
        <SpanControls
          claim={claim}
          hasNext={props.hasNext}
          caret={props.caret}
          onSplit={(at) => h.onSplit(claim.id, at)}
          onMergeNext={() => h.onMergeNext(claim.id)}
          onMove={(edge, direction) => h.onMove(claim.id, edge, direction)}
          onDelete={() => h.onDelete(claim.id)}
        />
      )}
      {props.isHistoryOpen && <ClaimHistory claimId={claim.id} version={claim.version} />}

      <SaveStatus state={saveState} />
      {conflict && <ConflictNotice conflict={conflict} onResolve={(choice) => h.onResolve(claim.id, choice)} />}
      <VerdictEditor claim={claim} isLocked={props.isApproved} />
      <ClaimComments claim={claim} />
      <AlreadyChecked claim={claim} isSelected={isSelected} />
    </li>
  );
});

function SaveStatus({ state }: { state: SaveState }) {
  if (state.kind === "idle") return null;
  if (state.kind === "error") {
    return (
      <p className="save-status error" role="alert">
        {state.message}
      </p>
    );
  }
  return <p className="save-status muted small">{state.kind === "saving" ? "Saving…" : "Saved"}</p>;
}
