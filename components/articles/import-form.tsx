"use client";

import { useActionState, useState } from "react";
import { importArticleAction } from "@/app/(app)/articles/new/actions";
import type { ImportFormState } from "@/lib/import-form";
import { FieldError, describedBy } from "@/components/ui/field-error";

const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const initial: ImportFormState = { message: null, fields: {}, values: {} };

export function ImportForm() {
  const [state, action, isPending] = useActionState(importArticleAction, initial);
  const [fileError, setFileError] = useState<string | null>(null);
  const f = state.fields;
  const v = state.values;
  const fileMessages = fileError ? [fileError] : f.file;

  return (
    <form action={action} className="stack import-form" noValidate>
      {state.message && (
        <p role="alert" className="error">
          {state.message}
        </p>
      )}
      <label className="field">
        <span>Article URL</span>
        <input
          name="articleUrl"
          type="url"
          inputMode="url"
          placeholder="https://"
          defaultValue={v.articleUrl}
          {...describedBy("article-url-error", f.articleUrl)}
        />
      </label>
      <p className="muted small">
        To import a web page, give its address: the server fetches it, keeps a snapshot, and extracts the article and its title,
        author, site and date (fields you fill in below win). Leave it empty to paste text or upload a file instead.
      </p>
      <FieldError id="article-url-error" messages={f.articleUrl} />

      <label className="field">
        <span>Title</span>
        <input name="title" defaultValue={v.title} maxLength={500} {...describedBy("title-error", f.title)} />
      </label>
      <FieldError id="title-error" messages={f.title} />

      <label className="field">
        <span>Article text</span>
        <textarea name="text" rows={14} defaultValue={v.text} {...describedBy("text-error", f.text)} />
      </label>
      <FieldError id="text-error" messages={f.text} />

      <label className="field">
        <span>Upload file</span>
        <input
          name="file"
          type="file"
          accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
          {...describedBy("file-error", fileMessages)}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            setFileError(file && file.size > MAX_UPLOAD_BYTES ? `${file.name} is larger than 5 MB` : null);
          }}
        />
      </label>
      <p className="muted small">
        A .txt, .md or .html file of at most 5 MB. For a web page, the article is extracted and the page’s title, author and site
        fill empty fields.
      </p>
      <FieldError id="file-error" messages={fileMessages} />

      <fieldset className="grid-2">
        <legend>Metadata (optional)</legend>
        <label className="field">
          <span>Original URL</span>
          <input name="url" type="url" defaultValue={v.url} {...describedBy("url-error", f.url)} />
          <FieldError id="url-error" messages={f.url} />
        </label>
        <label className="field">
          <span>Publisher</span>
          <input name="publisher" defaultValue={v.publisher} {...describedBy("publisher-error", f.publisher)} />
          <FieldError id="publisher-error" messages={f.publisher} />
        </label>
        <label className="field">
          <span>Author</span>
          <input name="author" defaultValue={v.author} {...describedBy("author-error", f.author)} />
          <FieldError id="author-error" messages={f.author} />
        </label>
        <label className="field">
          <span>Publication date</span>
          <input name="publishedAt" type="date" defaultValue={v.publishedAt} {...describedBy("date-error", f.publishedAt)} />
          <FieldError id="date-error" messages={f.publishedAt} />
        </label>
      </fieldset>

      <div>
        <button type="submit" className="button primary" disabled={isPending || fileError !== null}>
          {isPending ? "Splitting…" : "Split into claims"}
        </button>
      </div>
    </form>
  );
}
