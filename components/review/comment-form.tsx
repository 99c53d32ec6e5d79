"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";

type Props = {
  label: string;
  submitLabel: string;
  /** Saves the text; resolves to an error message, or null when saved. */
  onSubmit: (body: string) => Promise<string | null>;
  /** Put the caret in the box when it appears (it opened on request, as "Request changes" does). */
  focusOnOpen?: boolean;
};

/** A comment box with its own error message, cleared once the comment is saved. */
export function CommentForm({ label, submitLabel, onSubmit, focusOnOpen = false }: Props) {
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (focusOnOpen) box.current?.focus();
  }, [focusOnOpen]);
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isSaving) return;
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
        ref={box}
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
      {/* Not disabled while saving: a disabled button drops the keyboard focus to the page. */}
      <button type="submit" className="button small" aria-disabled={isSaving}>
        {isSaving ? "Saving…" : submitLabel}
      </button>
    </form>
  );
}
