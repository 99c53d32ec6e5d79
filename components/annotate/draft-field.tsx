"use client";

import { useState } from "react";

type Props = {
  label: string;
  field: "speaker" | "cue" | "note";
  value: string | null;
  readOnly: boolean;
  multiline?: boolean;
  onCommit: (value: string | null) => void;
};

/**
 * A text field that saves when it loses focus (or on Enter for one-line fields). While
 * the editor types, it keeps their draft even if the saved value changes underneath
 * (a colleague's live update); the save then meets the version check.
 */
export function DraftField({ label, field, value, readOnly, multiline, onCommit }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const save = () => {
    if (draft === null) return;
    const next = draft.trim() === "" ? null : draft.trim();
    if (next !== (value ?? null)) onCommit(next);
  };
  const common = {
    value: draft ?? value ?? "",
    readOnly,
    "data-field": field,
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
