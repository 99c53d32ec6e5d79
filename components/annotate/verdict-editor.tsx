"use client";

import { useId, useState, type FormEvent } from "react";
import type { ClaimView } from "@/lib/data/views";
import { VERDICTS, VERDICT_LABELS, type Verdict } from "@/lib/schemas/claim";
import { setVerdictAction } from "@/app/(app)/articles/[articleId]/review-actions";
import { useViewer } from "@/components/review/use-viewer";
import { formatDateTime } from "@/components/ui/format";

type Props = {
  claim: ClaimView;
  /** The article is approved: the verdict shows as text until a reviewer reopens it. */
  isLocked?: boolean;
  /** Hears the saved claim (new version included): the workspace owns claim state. */
  onSaved?: (claim: ClaimView) => void;
};

type Draft = { verdict: Verdict | ""; rationale: string };

/** Who gave the verdict, and when: "Rita Reviewer, 27 Nov 2026, 11:25 UTC". */
const verdictCredit = (c: Pick<ClaimView, "verdictBy" | "verdictAt">) =>
  [c.verdictBy, c.verdictAt && formatDateTime(c.verdictAt)].filter(Boolean).join(", ");

const draftOf = (c: Pick<ClaimView, "verdict" | "verdictRationale">): Draft => ({
  verdict: c.verdict ?? "",
  rationale: c.verdictRationale ?? "",
});

/**
 * A claim's fact-check verdict: a form for reviewers (saved against the version they read),
 * the verdict as text for everyone else.
 */
export function VerdictEditor({ claim, isLocked = false, onSaved }: Props) {
  const id = useId();
  const viewer = useViewer();
  // The newest copy of the claim this component has seen: the workspace's, or our own save.
  const [saved, setSaved] = useState<ClaimView | null>(null);
  const current = saved && saved.version > claim.version ? saved : claim;
  // null while untouched: the form then follows the claim, which may change live.
  const [edits, setEdits] = useState<Draft | null>(null);
  const draft = edits ?? draftOf(current);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [isSaving, setSaving] = useState(false);

  if (!viewer?.canVerdict || isLocked) {
    if (!current.verdict) return null;
    return (
      <p className="verdict-line small">
        Verdict: <strong className={`verdict-pill verdict-${current.verdict}`}>{VERDICT_LABELS[current.verdict]}</strong>
        {current.verdictRationale && ` — ${current.verdictRationale}`}
        {current.verdictBy && <span className="muted"> ({verdictCredit(current)})</span>}
      </p>
    );
  }

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const result = await setVerdictAction(claim.id, {
      verdict: draft.verdict === "" ? null : draft.verdict,
      verdictRationale: draft.rationale,
      version: current.version,
    });
    setSaving(false);
    if (result.ok) {
      setSaved(result.value);
      setEdits(null);
      setMessage({ kind: "ok", text: "Verdict saved" });
      onSaved?.(result.value);
    } else if (result.error.code === "conflict") {
      const theirs = (result.error.details as { claim?: ClaimView } | undefined)?.claim;
      if (theirs) setSaved(theirs);
      setEdits(null);
      setMessage({
        kind: "error",
        text: "Someone changed this claim meanwhile; the form now shows the current verdict. Save again to replace it.",
      });
    } else {
      setMessage({ kind: "error", text: result.error.fields?.verdictRationale?.[0] ?? result.error.message });
    }
  };

  return (
    <form className="verdict-editor" onSubmit={(e) => void save(e)} aria-labelledby={`${id}-legend`}>
      <p id={`${id}-legend`} className="verdict-legend">
        Fact-check verdict
      </p>
      {current.verdict && current.verdictBy && <p className="small muted">Given by {verdictCredit(current)}</p>}
      <div className="grid-2">
        <label className="field">
          <span>Verdict</span>
          <select
            value={draft.verdict}
            onChange={(e) => {
              setEdits({ ...draft, verdict: e.target.value as Verdict | "" });
            }}
          >
            <option value="">No verdict</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {VERDICT_LABELS[v]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Rationale</span>
          <textarea
            rows={2}
            maxLength={2000}
            value={draft.rationale}
            onChange={(e) => {
              setEdits({ ...draft, rationale: e.target.value });
            }}
          />
        </label>
      </div>
      <div className="row">
        <button type="submit" className="button small" disabled={isSaving || edits === null}>
          {isSaving ? "Saving…" : "Save verdict"}
        </button>
        {message && (
          <span
            className={`small ${message.kind === "error" ? "error" : "muted"}`}
            role={message.kind === "error" ? "alert" : "status"}
          >
            {message.text}
          </span>
        )}
      </div>
    </form>
  );
}
