"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { addSourceAction } from "@/app/(app)/articles/[articleId]/actions";
import type { SourceLinkView } from "@/lib/data/views";
import type { FieldErrors } from "@/lib/errors";
import { FieldError, describedBy } from "@/components/ui/field-error";

type Props = {
  claimId: string | null;
  claimText: string;
  onSaved: (claimId: string, link: SourceLinkView) => void;
  onClose: () => void;
};

/** The "Add source" dialog: URL, title, relation and quoted passage. */
export function SourceDialog({ claimId, claimText, onSaved, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<{ message: string | null; fields: FieldErrors }>({ message: null, fields: {} });
  const [isPending, setPending] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (claimId && !dialog.open) {
      formRef.current?.reset();
      setErrors({ message: null, fields: {} });
      dialog.showModal();
    } else if (!claimId && dialog.open) {
      dialog.close();
    }
  }, [claimId]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!claimId) return;
    const form = new FormData(event.currentTarget);
    setPending(true);
    const result = await addSourceAction(claimId, {
      url: String(form.get("url") ?? ""),
      title: String(form.get("title") ?? ""),
      relation: String(form.get("relation") ?? ""),
      quote: String(form.get("quote") ?? ""),
    }).catch(() => null);
    setPending(false);
    if (!result) {
      setErrors({ message: "Could not reach the server. The source is not saved; try again.", fields: {} });
    } else if (result.ok) {
      onSaved(claimId, result.value);
    } else {
      setErrors({ message: result.error.message, fields: result.error.fields ?? {} });
    }
  }

  const f = errors.fields;
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="source-dialog-title" onClose={onClose}>
      <form ref={formRef} onSubmit={onSubmit} className="stack" noValidate>
        <h2 id="source-dialog-title">Add source</h2>
        <p className="muted small dialog-claim">{claimText}</p>
        {errors.message && (
          <p role="alert" className="error">
            {errors.message}
          </p>
        )}
        <label className="field">
          <span>URL</span>
          <input name="url" type="url" inputMode="url" placeholder="https://" autoFocus {...describedBy("source-url-error", f.url)} />
        </label>
        <FieldError id="source-url-error" messages={f.url} />
        <label className="field">
          <span>Title</span>
          <input name="title" maxLength={500} {...describedBy("source-title-error", f.title)} />
        </label>
        <FieldError id="source-title-error" messages={f.title} />
        <label className="field">
          <span>Relation</span>
          <select name="relation" defaultValue="supports" {...describedBy("source-relation-error", f.relation)}>
            <option value="supports">Supports</option>
            <option value="refutes">Refutes</option>
            <option value="context">Context</option>
            <option value="origin">Origin</option>
          </select>
        </label>
        <FieldError id="source-relation-error" messages={f.relation} />
        <label className="field">
          <span>Quote</span>
          <textarea name="quote" rows={3} maxLength={5000} {...describedBy("source-quote-error", f.quote)} />
        </label>
        <FieldError id="source-quote-error" messages={f.quote} />
        <div className="row">
          <button type="submit" className="button primary" disabled={isPending}>
            {isPending ? "Saving…" : "Save source"}
          </button>
          <button type="button" className="button" onClick={() => ref.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
