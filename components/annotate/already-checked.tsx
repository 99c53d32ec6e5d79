"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { ClaimView } from "@/lib/data/views";
import type { AlreadyCheckedMatch } from "@/lib/data/similar-claims";
import { VERDICT_LABELS } from "@/lib/schemas/claim";
import { alreadyCheckedAction } from "@/app/(app)/articles/[articleId]/review-actions";
import { claimAnchor } from "@/lib/export/iris";
import { TAG_LABELS } from "@/components/annotate/tag-labels";
import { REVIEW_STATE_LABELS, isReviewState } from "@/components/review/review-labels";
import { RELATION_LABELS, SourceTitle } from "@/components/sources/source-title";
import { useDetailsOpen } from "@/components/ui/use-details-open";

type Result = { kind: "done"; matches: AlreadyCheckedMatch[] } | { kind: "error"; message: string };


/**
 * Claims from other articles that say the same thing as this one, with their tags,
 * verdicts and sources. Searched once the claim is selected or the disclosure opened, and
 * again only if the claim's text changes.
 */
export function AlreadyChecked({ claim, isSelected = false }: { claim: Pick<ClaimView, "id" | "text">; isSelected?: boolean }) {
  const { isOpen, detailsProps } = useDetailsOpen();
  // The result, with the claim text it is for: a changed text is searched again.
  const [result, setResult] = useState<{ text: string; value: Result } | null>(null);
  const isWanted = isSelected || isOpen;
  const isCurrent = result?.text === claim.text;

  useEffect(() => {
    if (!isWanted || isCurrent) return;
    let isLive = true;
    const text = claim.text;
    alreadyCheckedAction(claim.id).then(
      (r) =>
        isLive &&
        setResult({ text, value: r.ok ? { kind: "done", matches: r.value } : { kind: "error", message: r.error.message } }),
      () => isLive && setResult({ text, value: { kind: "error", message: "Could not reach the server." } }),
    );
    return () => {
      isLive = false;
    };
  }, [isWanted, isCurrent, claim.id, claim.text]);

  const state: Result | { kind: "idle" | "loading" } =
    isCurrent && result ? result.value : isWanted ? { kind: "loading" } : { kind: "idle" };
  const count = state.kind === "done" ? state.matches.length : null;
  return (
    <details className="already-checked" {...detailsProps}>
      <summary className={count ? "has-matches" : undefined}>
        Already checked elsewhere{state.kind === "loading" ? " (searching…)" : count !== null ? ` (${count})` : ""}
      </summary>
      {state.kind === "error" && (
        <p className="error small" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === "done" && state.matches.length === 0 && (
        <p className="small muted">No other article has a claim that says the same thing.</p>
      )}
      {state.kind === "done" && state.matches.length > 0 && (
        // Not list markup: this sits inside a claim, an item of the "Claims" list.
        <div className="match-list">
          {state.matches.map((m) => (
            <div key={m.claimId} className="match">
              <p className="match-text">“{m.text}”</p>
              <p className="small">
                In <Link href={`/articles/${m.articleId}/report#${claimAnchor(m.claimId)}`}>{m.articleTitle}</Link>
                {isReviewState(m.reviewState) && ` (${REVIEW_STATE_LABELS[m.reviewState]})`} · similarity{" "}
                {Math.round(m.score * 100)}%
              </p>
              <p className="small row">
                <span className={`tag-pill tag-${m.tag ?? "none"}`}>{m.tag ? TAG_LABELS[m.tag] : "Untagged"}</span>
                {m.speaker && <span>Speaker: {m.speaker}</span>}
                {m.verdict && <span className={`verdict-pill verdict-${m.verdict}`}>Verdict: {VERDICT_LABELS[m.verdict]}</span>}
              </p>
              {m.verdictRationale && <p className="small muted">{m.verdictRationale}</p>}
              {m.sources.length > 0 && (
                <div className="small match-sources">
                  {m.sources.map((s, i) => (
                    <p key={i}>
                      <span className={`relation rel-${s.relation}`}>{RELATION_LABELS[s.relation]}</span>{" "}
                      <SourceTitle url={s.url} title={s.title} />
                    </p>
                  ))}
                </div>
              )}
            </div>
          ))}
        </div>
      )}
    </details>
  );
}
