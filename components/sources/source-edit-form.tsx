"use client";

import type { FormEvent } from "react";
import { updateSourceAction } from "@/app/(app)/sources/actions";
import type { SourceDetailView } from "@/lib/data/source-views";
import { SOURCE_TYPES } from "@/lib/sources/source-type";
import { FieldError, describedBy } from "@/components/ui/field-error";
import { ActionMessage } from "@/components/sources/action-message";
import { useSourceAction } from "@/components/sources/use-source-action";

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "");

/** Editing a source's own fields: title, publisher, author, dates, type, description, notes, archive link. */
export function SourceEditForm({ source }: { source: SourceDetailView }) {
  const { run, isPending, outcome } = useSourceAction();
  const f = outcome?.fields ?? {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(Array.from(new FormData(event.currentTarget), ([k, v]) => [k, String(v)]));
    run(
      () => updateSourceAction(source.id, data),
      () => "Saved.",
    );
  }

  return (
    <form onSubmit={onSubmit} className="stack" aria-labelledby="edit-heading" noValidate>
      <h2 id="edit-heading">Details</h2>
      <label className="field">
        <span>Title</span>
        <input name="title" defaultValue={source.title ?? ""} maxLength={500} {...describedBy("edit-title-error", f.title)} />
      </label>
      <FieldError id="edit-title-error" messages={f.title} />
      <div className="grid-2">
        <label className="field">
          <span>Publisher</span>
          <input
            name="publisher"
            defaultValue={source.publisher ?? ""}
            maxLength={200}
            {...describedBy("edit-publisher-error", f.publisher)}
          />
          <FieldError id="edit-publisher-error" messages={f.publisher} />
        </label>
        <label className="field">
          <span>Author</span>
          <input
            name="author"
            defaultValue={source.author ?? ""}
            maxLength={500}
            {...describedBy("edit-author-error", f.author)}
          />
          <FieldError id="edit-author-error" messages={f.author} />
        </label>
        <label className="field">
          <span>Publication date</span>
          <input
            name="publishedAt"
            type="date"
            defaultValue={day(source.publishedAt)}
            {...describedBy("edit-published-error", f.publishedAt)}
          />
          <FieldError id="edit-published-error" messages={f.publishedAt} />
        </label>
        <label className="field">
          <span>Accessed date</span>
          <input
            name="accessedAt"
            type="date"
            defaultValue={day(source.accessedAt)}
            {...describedBy("edit-accessed-error", f.accessedAt)}
          />
          <FieldError id="edit-accessed-error" messages={f.accessedAt} />
        </label>
        <label className="field">
          <span>Type</span>
          <select name="type" defaultValue={source.type ?? ""}>
            <option value="">Not set</option>
            {SOURCE_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Archive URL</span>
          <input
            name="archiveUrl"
            type="url"
            defaultValue={source.archiveUrl ?? ""}
            {...describedBy("edit-archive-error", f.archiveUrl)}
          />
          <FieldError id="edit-archive-error" messages={f.archiveUrl} />
        </label>
      </div>
      <label className="field">
        <span>Description</span>
        <textarea name="description" rows={2} defaultValue={source.description ?? ""} maxLength={5000} />
      </label>
      <label className="field">
        <span>Notes</span>
        <textarea
          name="notes"
          rows={3}
          defaultValue={source.notes ?? ""}
          maxLength={10000}
          {...describedBy("edit-notes-error", f.notes)}
        />
      </label>
      <FieldError id="edit-notes-error" messages={f.notes} />
      <div className="row">
        <button type="submit" className="button primary" disabled={isPending}>
          {isPending ? "Saving…" : "Save details"}
        </button>
        <ActionMessage outcome={outcome} />
      </div>
    </form>
  );
}
