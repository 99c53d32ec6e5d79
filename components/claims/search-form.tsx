import Link from "next/link";
import type { FieldErrors } from "@/lib/errors";
import { CLAIM_TAGS, VERDICTS, VERDICT_LABELS } from "@/lib/schemas/claim";
import { SOURCE_RELATIONS } from "@/lib/schemas/source";
import { REVIEW_STATES } from "@/lib/export/types";
import { TAG_LABELS } from "@/components/annotate/tag-labels";
import { REVIEW_STATE_LABELS } from "@/components/review/review-labels";
import type { RawFilters } from "@/components/claims/filter-href";
import { RELATION_LABELS } from "@/components/sources/source-title";

export type { RawFilters };


type Choice = readonly (readonly [string, string])[];

/** The dashboard's search form: a GET form, so every search has an address to bookmark or share. */
export function ClaimSearchForm({ values, errors }: { values: RawFilters; errors: FieldErrors }) {
  const text = (name: string, label: string, type = "text", hint?: string) => (
    <Field name={name} label={label} errors={errors} hint={hint}>
      {(describedBy) => (
        <input
          id={`f-${name}`}
          name={name}
          type={type}
          defaultValue={values[name] ?? ""}
          aria-describedby={describedBy}
          aria-invalid={errors[name] ? true : undefined}
        />
      )}
    </Field>
  );
  const select = (name: string, label: string, choices: Choice) => (
    <Field name={name} label={label} errors={errors}>
      {(describedBy) => (
        <select
          id={`f-${name}`}
          name={name}
          defaultValue={values[name] ?? ""}
          aria-describedby={describedBy}
          aria-invalid={errors[name] ? true : undefined}
        >
          <option value="">Any</option>
          {choices.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <form role="search" method="get" action="/claims" className="claim-search" aria-label="Search claims">
      {errors[""] && (
        <p className="error" role="alert">
          {errors[""].join(" ")}
        </p>
      )}
      <div className="claim-search-main">
        {text("q", "Text", "search", 'Words must all appear; "quotes" for a phrase, or between alternatives, -word to exclude.')}
      </div>
      <div className="claim-search-grid">
        {select("tag", "Tag", [...CLAIM_TAGS.map((t) => [t, TAG_LABELS[t]] as const), ["untagged", "Untagged"]])}
        {select("verdict", "Verdict", [...VERDICTS.map((v) => [v, VERDICT_LABELS[v]] as const), ["none", "No verdict"]])}
        {select(
          "reviewState",
          "Review state",
          REVIEW_STATES.map((s) => [s, REVIEW_STATE_LABELS[s]] as const),
        )}
        {text("speaker", "Speaker")}
        {text("domain", "Source domain", "text", "e.g. reuters.com")}
        {select(
          "relation",
          "Source relation",
          SOURCE_RELATIONS.map((r) => [r, RELATION_LABELS[r]] as const),
        )}
        {text("from", "From", "date")}
        {text("to", "To", "date")}
      </div>
      <div className="row">
        <button type="submit" className="button primary">
          Search
        </button>
        <Link href="/claims">Clear all filters</Link>
      </div>
    </form>
  );
}

type FieldProps = {
  name: string;
  label: string;
  errors: FieldErrors;
  hint?: string;
  children: (describedBy: string | undefined) => React.ReactNode;
};

function Field({ name, label, errors, hint, children }: FieldProps) {
  const messages = errors[name];
  const describedBy = [hint ? `f-${name}-hint` : "", messages ? `f-${name}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      {children(describedBy)}
      {hint && (
        <span id={`f-${name}-hint`} className="small muted">
          {hint}
        </span>
      )}
      {messages && (
        <span id={`f-${name}-error`} className="field-error">
          {messages.join(" ")}
        </span>
      )}
    </div>
  );
}
