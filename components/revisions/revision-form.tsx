"use client";

import { useActionState } from "react";
import { importRevisionAction, type RevisionFormState } from "@/app/(app)/articles/[articleId]/revisions/actions";
import { FieldError, describedBy } from "@/components/ui/field-error";

const initial: RevisionFormState = { message: null, fields: {}, text: "" };

/** Paste or upload the corrected article; its claims are re-anchored on the new text. */
export function RevisionForm({ articleId }: { articleId: string }) {
  const [state, action, isPending] = useActionState(importRevisionAction.bind(null, articleId), initial);
  return (
    <form action={action} className="stack import-form" noValidate>
      <h2>Import a new revision</h2>
      <p className="muted small">
        When the outlet corrects the article, paste the corrected text or upload it. Each claim is found again in the new text: unchanged claims
        stay as they are, changed ones are flagged for re-review, and claims that are gone are kept as orphaned.
      </p>
      {state.message && (
        <p role="alert" className="error">
          {state.message}
        </p>
      )}
      <label className="field">
        <span>Revision text</span>
        <textarea name="text" rows={12} defaultValue={state.text} {...describedBy("revision-text-error", state.fields.text)} />
      </label>
      <FieldError id="revision-text-error" messages={state.fields.text} />
      <label className="field">
        <span>Upload revision file</span>
        <input name="file" type="file" accept=".txt,.md,.markdown,.html,.htm" {...describedBy("revision-file-error", state.fields.file)} />
      </label>
      <FieldError id="revision-file-error" messages={state.fields.file} />
      <div>
        <button type="submit" className="button primary" disabled={isPending}>
          {isPending ? "Re-anchoring…" : "Import revision"}
        </button>
      </div>
    </form>
  );
}
