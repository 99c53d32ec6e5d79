"use client";

import { useActionState } from "react";
import { addNonWebSourceAction, type NonWebFormState } from "@/app/(app)/sources/actions";
import { SOURCE_TYPES } from "@/lib/sources/source-type";
import { FieldError, describedBy } from "@/components/ui/field-error";

const initial: NonWebFormState = { message: null, fields: {} };

/** Adding a source that is not a web page: an uploaded document, or (no file) an interview or other record. */
export function NonWebSourceForm() {
  const [state, action, isPending] = useActionState(addNonWebSourceAction, initial);
  const f = state.fields;
  return (
    <form action={action} className="stack narrow-form" noValidate>
      {state.message && (
        <p role="alert" className="error">
          {state.message}
        </p>
      )}
      <label className="field">
        <span>Title</span>
        <input name="title" maxLength={500} required {...describedBy("nw-title-error", f.title)} />
      </label>
      <FieldError id="nw-title-error" messages={f.title} />
      <label className="field">
        <span>Document file</span>
        <input name="file" type="file" {...describedBy("nw-file-error", f.file)} />
      </label>
      <p className="muted small">
        A PDF, document, spreadsheet, image or recording of at most 5 MB. Leave it empty for an interview or anything without a
        file.
      </p>
      <FieldError id="nw-file-error" messages={f.file} />
      <div className="grid-2">
        <label className="field">
          <span>Type</span>
          <select name="type" defaultValue="">
            <option value="">Interview without a file, document with one</option>
            {SOURCE_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Author or interviewee</span>
          <input name="author" maxLength={500} {...describedBy("nw-author-error", f.author)} />
          <FieldError id="nw-author-error" messages={f.author} />
        </label>
        <label className="field">
          <span>Date</span>
          <input name="publishedAt" type="date" {...describedBy("nw-date-error", f.publishedAt)} />
          <FieldError id="nw-date-error" messages={f.publishedAt} />
        </label>
      </div>
      <label className="field">
        <span>Notes</span>
        <textarea name="notes" rows={4} maxLength={10000} />
      </label>
      <div>
        <button type="submit" className="button primary" disabled={isPending}>
          {isPending ? "Adding…" : "Add source"}
        </button>
      </div>
    </form>
  );
}
