"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { addSourceAction } from "@/app/(app)/articles/[articleId]/actions";
import { fetchSourceDetailsAction } from "@/app/(app)/sources/actions";
import type { SourceLinkView } from "@/lib/data/views";
import type { FieldErrors } from "@/lib/errors";
import { SOURCE_TYPES } from "@/lib/sources/source-type";
import { FieldError, describedBy } from "@/components/ui/field-error";

type Props = {
  claimId: string | null;
  claimText: string;
  onSaved: (claimId: string, link: SourceLinkView) => void;
  onClose: () => void;
};

const EMPTY_DETAILS = { title: "", publisher: "", author: "", publishedAt: "", description: "", type: "" };
type Details = typeof EMPTY_DETAILS;

/**
 * The "Add source" dialog: URL (with "Fetch details", which reads the page on the server
 * and fills the fields, keeping a snapshot), title, publisher, author, date, type,
 * relation, quoted passage and locator. Every field can be typed by hand.
 */
export function SourceDialog({ claimId, claimText, onSaved, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<{ message: string | null; fields: FieldErrors }>({ message: null, fields: {} });
  const [isPending, setPending] = useState(false);
  const [details, setDetails] = useState<Details>(EMPTY_DETAILS);
  const [snapshotId, setSnapshotId] = useState("");
  const [fetchStatus, setFetchStatus] = useState<{ isError: boolean; text: string } | null>(null);
  const [isFetching, setFetching] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (claimId && !dialog.open) {
      formRef.current?.reset();
      setErrors({ message: null, fields: {} });
      setDetails(EMPTY_DETAILS);
      setSnapshotId("");
      setFetchStatus(null);
      dialog.showModal();
    } else if (!claimId && dialog.open) {
      dialog.close();
    }
  }, [claimId]);

  async function fetchDetails() {
    const url = urlRef.current?.value.trim() ?? "";
    if (!url) {
      setFetchStatus({ isError: true, text: "Type the URL first." });
      return;
    }
    setFetching(true);
    setFetchStatus({ isError: false, text: "Fetching the page…" });
    const result = await fetchSourceDetailsAction({ url }).catch(() => null);
    setFetching(false);
    if (!result) {
      setFetchStatus({ isError: true, text: "Could not reach the server. Fill in the details by hand." });
    } else if (!result.ok) {
      setFetchStatus({ isError: true, text: `Could not fetch the details: ${result.error.message}. Fill them in by hand.` });
    } else {
      const d = result.value;
      // Fetched values fill only what the editor has not typed.
      setDetails((typed) => ({
        title: typed.title || d.title || "",
        publisher: typed.publisher || d.publisher || "",
        author: typed.author || d.author || "",
        publishedAt: typed.publishedAt || (d.publishedAt ? d.publishedAt.slice(0, 10) : ""),
        description: typed.description || d.description || "",
        type: typed.type || d.type || "",
      }));
      setSnapshotId(d.snapshotId);
      setFetchStatus({
        isError: false,
        text: d.note ?? `Details filled in from the page (HTTP ${d.httpStatus}); a snapshot was kept.`,
      });
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!claimId || isPending) return;
    const form = new FormData(event.currentTarget);
    const text = (key: string) => String(form.get(key) ?? "");
    setPending(true);
    const result = await addSourceAction(claimId, {
      url: text("url"),
      title: text("title"),
      relation: text("relation"),
      quote: text("quote"),
      locator: text("locator"),
      publisher: text("publisher"),
      author: text("author"),
      publishedAt: text("publishedAt"),
      description: text("description"),
      type: text("type"),
      snapshotId,
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
  const detailInput = (key: keyof Details) => ({
    name: key,
    value: details[key],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setDetails((d) => ({ ...d, [key]: value }));
    },
  });
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
        <div className="url-row">
          <label className="field">
            <span>URL</span>
            <input
              ref={urlRef}
              name="url"
              type="url"
              inputMode="url"
              placeholder="https://"
              autoFocus
              onChange={() => setSnapshotId("")}
              {...describedBy("source-url-error", f.url)}
            />
          </label>
          <button type="button" className="button" onClick={fetchDetails} disabled={isFetching}>
            {isFetching ? "Fetching…" : "Fetch details"}
          </button>
        </div>
        <FieldError id="source-url-error" messages={f.url} />
        <p role="status" className={fetchStatus?.isError ? "error small" : "muted small"}>
          {fetchStatus?.text}
        </p>
        <label className="field">
          <span>Title</span>
          <input maxLength={500} {...detailInput("title")} {...describedBy("source-title-error", f.title)} />
        </label>
        <FieldError id="source-title-error" messages={f.title} />
        <div className="grid-2">
          <label className="field">
            <span>Publisher</span>
            <input maxLength={200} {...detailInput("publisher")} {...describedBy("source-publisher-error", f.publisher)} />
            <FieldError id="source-publisher-error" messages={f.publisher} />
          </label>
          <label className="field">
            <span>Author</span>
            <input maxLength={500} {...detailInput("author")} {...describedBy("source-author-error", f.author)} />
            <FieldError id="source-author-error" messages={f.author} />
          </label>
          <label className="field">
            <span>Published</span>
            <input type="date" {...detailInput("publishedAt")} {...describedBy("source-date-error", f.publishedAt)} />
            <FieldError id="source-date-error" messages={f.publishedAt} />
          </label>
          <label className="field">
            <span>Type</span>
            <select {...detailInput("type")}>
              <option value="">Not set</option>
              {SOURCE_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="field">
          <span>Description</span>
          <textarea rows={2} maxLength={5000} {...detailInput("description")} />
        </label>
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
        <label className="field">
          <span>Locator</span>
          <input
            name="locator"
            maxLength={200}
            placeholder="p. 12, 04:35, section 3"
            {...describedBy("source-locator-error", f.locator)}
          />
        </label>
        <FieldError id="source-locator-error" messages={f.locator} />
        <div className="row">
          {/* aria-disabled, not disabled: a disabled button would drop the focus out of the open dialog. */}
          <button type="submit" className="button primary" aria-disabled={isPending}>
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
