"use client";

import { useActionState, useState, type FormEvent } from "react";
import { importRevisionAction, type RevisionFormState } from "@/app/(app)/articles/[articleId]/revisions/actions";
import { FieldError, describedBy } from "@/components/ui/field-error";
import { sentenceRetention } from "@/lib/claims/retention";

/** Below this share of the current sentences kept, importing asks first: most claims would be orphaned. */
const ASK_BELOW = 0.5;

/**
 * Paste or upload the corrected article; its claims are re-anchored on the new text. The
 * box starts with the current text, so a correction is an edit, not a retyping; a pasted
 * text that keeps less than half of the current sentences is imported only once confirmed.
 */
export function RevisionForm({ articleId, currentText }: { articleId: string; currentText: string }) {
  const [state, action, isPending] = useActionState(importRevisionAction.bind(null, articleId), {
    message: null,
    fields: {},
    text: currentText,
  } satisfies RevisionFormState);
  const [warning, setWarning] = useState<string | null>(null);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    const form = new FormData(e.currentTarget);
    const file = form.get("file");
    const text = String(form.get("text") ?? "");
    if (warning !== null || (file instanceof File && file.size > 0) || text.trim() === "") return;
    const { kept, total, share } = sentenceRetention(currentText, text);
    if (share >= ASK_BELOW) return;
    e.preventDefault();
    setWarning(
      `This text keeps ${kept} of the current revision's ${total} sentences: the claims on the others will be orphaned, with their tags, verdicts and sources. Import it anyway?`,
    );
  };

  return (
    <form action={action} onSubmit={onSubmit} className="stack import-form" noValidate>
      <h2>Import a new revision</h2>
      <p className="muted small">
        When the outlet corrects the article, edit the text below (it starts as the current revision) or upload the corrected file. Each claim is
        found again in the new text: unchanged claims stay as they are, changed ones are flagged for re-review, and claims that are gone are kept as
        orphaned.
      </p>
      {state.message && (
        <p role="alert" className="error">
          {state.message}
        </p>
      )}
      <label className="field">
        <span>Revision text</span>
        <textarea
          name="text"
          rows={16}
          defaultValue={state.text}
          onChange={() => setWarning(null)}
          {...describedBy("revision-text-error", state.fields.text)}
        />
      </label>
      <FieldError id="revision-text-error" messages={state.fields.text} />
      <label className="field">
        <span>Upload revision file (instead of the text above)</span>
        <input name="file" type="file" accept=".txt,.md,.markdown,.html,.htm" {...describedBy("revision-file-error", state.fields.file)} />
      </label>
      <FieldError id="revision-file-error" messages={state.fields.file} />
      {warning && (
        <p role="alert" className="notice">
          {warning}
        </p>
      )}
      <div>
        <button type="submit" className="button primary" disabled={isPending}>
          {isPending ? "Re-anchoring…" : warning ? "Import anyway" : "Import revision"}
        </button>
      </div>
    </form>
  );
}
