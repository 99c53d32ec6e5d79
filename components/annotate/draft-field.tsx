"use client";

import { useEffect, useRef, useState } from "react";

type Props = {
  label: string;
  field: "speaker" | "cue" | "note";
  value: string | null;
  readOnly: boolean;
  multiline?: boolean;
  onCommit: (value: string | null) => void;
};

const asSaved = (draft: string) => (draft.trim() === "" ? null : draft.trim());

/**
 * A text field that saves when it loses focus (or on Enter for one-line fields). While
 * the editor types, it keeps their draft even if the saved value changes underneath
 * (a colleague's live update); the save then meets the version check.
 * A draft is not lost on the way out either: the browser asks before a reload or a
 * closed tab drops it, and a field that goes away while focused (Back to a page of the
 * app, or a long list scrolled on) saves it, since no blur comes then.
 */
export function DraftField({ label, field, value, readOnly, multiline, onCommit }: Props) {
  const [draft, setDraftState] = useState<string | null>(null);
  // The draft not yet handed to onCommit, kept in step with every keystroke and save, so
  // that leaving never saves twice whatever order blur and unmounting come in.
  const pending = useRef<string | null>(null);
  const setDraft = (next: string | null) => {
    pending.current = next;
    setDraftState(next);
  };
  const save = () => {
    if (draft === null) return;
    const next = asSaved(draft);
    pending.current = null;
    if (next !== (value ?? null)) onCommit(next);
  };
  const unsaved = draft !== null && asSaved(draft) !== (value ?? null);

  const latest = useRef({ value, onCommit });
  useEffect(() => {
    latest.current = { value, onCommit };
  });
  useEffect(
    () => () => {
      const left = pending.current;
      if (left !== null && asSaved(left) !== (latest.current.value ?? null)) latest.current.onCommit(asSaved(left));
    },
    [],
  );
  useEffect(() => {
    if (!unsaved) return;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = ""; // Chrome before 119 asks only when this is set
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [unsaved]);

  const common = {
    value: draft ?? value ?? "",
    readOnly,
    "data-field": field,
    "data-unsaved": unsaved || undefined,
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
