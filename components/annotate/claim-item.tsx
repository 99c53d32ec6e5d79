"use client";

import { memo, useEffect, useRef, useState } from "react";
import type { ClaimView } from "@/lib/data/views";
import { CLAIM_TAGS } from "@/lib/schemas/claim";
import { TAG_LABELS } from "@/components/annotate/tag-labels";
import { SuggestionBox } from "@/components/annotate/suggestion-box";
import { formatDateTime } from "@/components/ui/format";
import type { ClaimChanges } from "@/components/annotate/use-claim-saver";
import { SourceLinks } from "@/components/annotate/source-links";

export type SaveState = { kind: "idle" | "saving" | "saved" } | { kind: "error"; message: string };
export type Conflict = { mine: ClaimChanges; theirs: ClaimView };


type Props = {
  claim: ClaimView;
  index: number;
  isSelected: boolean;
  canEdit: boolean;
  saveState: SaveState;
  conflict: Conflict | undefined;
  onSelect: (claimId: string) => void;
  onChange: (claimId: string, changes: ClaimChanges) => void;
  onAccept: (claimId: string) => void;
  onResolve: (claimId: string, choice: "theirs" | "mine") => void;
  onAddSource: (claimId: string, opener: HTMLButtonElement) => void;
  onRemoveSource: (claimId: string, linkId: string) => void;
};

/** One claim in the list: its tag, speaker and cue, note, sources and save state. */
export const ClaimItem = memo(function ClaimItem(props: Props) {
  const { claim, index, isSelected, canEdit, saveState, conflict } = props;
  const itemRef = useRef<HTMLLIElement>(null);

  useEffect(() => {
    if (isSelected && itemRef.current && !itemRef.current.contains(document.activeElement)) {
      itemRef.current.scrollIntoView({ block: "nearest" });
    }
  }, [isSelected]);

  const set = (changes: ClaimChanges) => props.onChange(claim.id, changes);

  return (
    <li
      ref={itemRef}
      id={`claim-${claim.id}`}
      className={`claim-item tag-${claim.tag ?? "none"}${isSelected ? " selected" : ""}`}
      onFocus={() => !isSelected && props.onSelect(claim.id)}
      onClick={() => !isSelected && props.onSelect(claim.id)}
      onKeyDown={(e) => {
        // "a" accepts the suggestion, unless the editor is typing in a field.
        const typing = e.target instanceof HTMLInputElement && e.target.type !== "radio" || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
        if (e.key === "a" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey && canEdit && claim.suggestion && claim.tag !== claim.suggestion.tag) {
          e.preventDefault();
          props.onAccept(claim.id);
        }
      }}
    >
      <p className="claim-text">
        <span className="claim-num" aria-hidden="true">
          {index + 1}
        </span>
        {claim.text}
      </p>

      <SuggestionBox claim={claim} canEdit={canEdit} onAccept={() => props.onAccept(claim.id)} />

      <div role="radiogroup" aria-label="Tag" className="tag-group">
        {CLAIM_TAGS.map((tag) => (
          <label key={tag} className={`tag-option tag-${tag}`}>
            <input
              type="radio"
              name={`tag-${claim.id}`}
              value={tag}
              checked={claim.tag === tag}
              disabled={!canEdit}
              onChange={() => set({ tag })}
            />
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

      {claim.tag === "attributed" && (
        <div className="grid-2">
          <DraftField label="Speaker" value={claim.speaker} readOnly={!canEdit} onCommit={(speaker) => set({ speaker })} />
          <DraftField label="Cue" value={claim.cue} readOnly={!canEdit} onCommit={(cue) => set({ cue })} />
        </div>
      )}
      <DraftField label="Note" multiline value={claim.note} readOnly={!canEdit} onCommit={(note) => set({ note })} />

      <SourceLinks sources={claim.sources} canEdit={canEdit} onRemove={(linkId) => props.onRemoveSource(claim.id, linkId)} />
      {canEdit && (
        <button type="button" className="button small" onClick={(e) => props.onAddSource(claim.id, e.currentTarget)}>
          Add source
        </button>
      )}

      <SaveStatus state={saveState} />
      {conflict && <ConflictNotice conflict={conflict} onResolve={(choice) => props.onResolve(claim.id, choice)} />}
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

const EDITABLE = ["tag", "speaker", "cue", "note"] as const;

function describe(changes: ClaimChanges, claim: ClaimView): string {
  return EDITABLE.filter((key) => key in changes || (changes.acceptSuggestion && key === "tag"))
    .map((key) => `${key}: ${JSON.stringify(key === "tag" ? (claim.tag ?? "untagged") : (claim[key] ?? ""))}`)
    .join(", ");
}

function ConflictNotice({ conflict, onResolve }: { conflict: Conflict; onResolve: (choice: "theirs" | "mine") => void }) {
  const { mine, theirs } = conflict;
  const mineAsClaim = { ...theirs, ...mine };
  return (
    <div className="conflict" role="alert">
      <p>
        <strong>{theirs.taggedBy ?? "Someone"}</strong> changed this claim while you were editing. Theirs:{" "}
        {describe(mine, theirs)}. Yours: {describe(mine, mineAsClaim)}.
      </p>
      <div className="row">
        <button type="button" className="button small" onClick={() => onResolve("theirs")}>
          Keep theirs
        </button>
        <button type="button" className="button small primary" onClick={() => onResolve("mine")}>
          Use mine
        </button>
      </div>
    </div>
  );
}

type DraftProps = {
  label: string;
  value: string | null;
  readOnly: boolean;
  multiline?: boolean;
  onCommit: (value: string | null) => void;
};

/** A text field that saves when it loses focus (or on Enter for one-line fields). */
function DraftField({ label, value, readOnly, multiline, onCommit }: DraftProps) {
  // null while not editing: the field then follows the saved value (which may change live).
  const [draft, setDraft] = useState<string | null>(null);
  const save = () => {
    if (draft === null) return;
    const next = draft.trim() === "" ? null : draft.trim();
    if (next !== (value ?? null)) onCommit(next);
  };
  const common = {
    value: draft ?? value ?? "",
    readOnly,
    onFocus: () => setDraft(value ?? ""),
    onBlur: () => {
      save();
      setDraft(null);
    },
  };
  return (
    <label className="field">
      <span>{label}</span>
      {multiline ? (
        <textarea rows={1} {...common} onChange={(e) => setDraft(e.target.value)} maxLength={5000} />
      ) : (
        <input
          {...common}
          maxLength={300}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              save();
            }
          }}
        />
      )}
    </label>
  );
}
