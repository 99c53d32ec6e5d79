"use client";

import { useId, useState, type FormEvent } from "react";

type Props = {
  label: string;
  submitLabel: string;
  /** Saves the text; resolves to an error message, or null when saved. */
  onSubmit: (body: string) => Promise<string | null>;
};

/** A comment box with its own error message, cleared once the comment is saved. */
export function CommentForm({ label, submitLabel, onSubmit }: Props) {
  const id = useId();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (body.trim() === "") return setError("Write a comment first");
    setSaving(true);
    const message = await onSubmit(body);
    setSaving(false);
    setError(message);
    if (message === null) setBody("");
  };
  return (
    <form className="comment-form" onSubmit={(e) => void submit(e)}>
      <label className="field" htmlFor={`${id}-body`}>
        <span>{label}</span>
      </label>
      <textarea
        id={`${id}-body`}
        rows={2}
        maxLength={5000}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button small" disabled={isSaving}>
        {isSaving ? "Saving…" : submitLabel}
      </button>
    </form>
  );
}
