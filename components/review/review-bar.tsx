"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ReviewAction, ReviewStatus } from "@/lib/data/review";
import { getReviewStatusAction, transitionArticleAction } from "@/app/(app)/articles/[articleId]/review-actions";
import { formatDateTime } from "@/components/ui/format";
import { CommentForm } from "@/components/review/comment-form";
import { ArticleComments } from "@/components/review/article-comments";
import { REVIEW_ACTION_LABELS, REVIEW_STATE_LABELS } from "@/components/review/review-labels";

type Props = {
  articleId: string;
  /** The state the page was rendered with; when a refresh brings another, the bar reloads. */
  reviewState?: string;
  /**
   * Changes whenever the claims that hold approval back change (untagged, changed and not
   * re-read), so that the bar reloads what approval waits for; null while a save is on its
   * way, since the server would not see it yet.
   */
  readiness?: string | null;
};

/** "Approved by Rita Reviewer. The article is now: Approved." */
function movedBy(status: ReviewStatus): string {
  const last = status.history.at(-1);
  const what = last ? `${REVIEW_ACTION_LABELS[last.action]}${last.actor ? ` by ${last.actor}` : ""}. ` : "";
  return `${what}The article is now: ${REVIEW_STATE_LABELS[status.state]}.`;
}

/** The annotate page's review bar: the article's state and the transitions this person may make. */
export function ReviewBar({ articleId, reviewState, readiness }: Props) {
  const router = useRouter();
  const [status, setStatus] = useState<ReviewStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isAsking, setAsking] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  // Where the keyboard focus goes when the button it was on disappears: the new state
  // after a transition, the "Request changes" button after cancelling.
  const stateLabel = useRef<HTMLElement>(null);
  const requestButton = useRef<HTMLButtonElement>(null);
  const focusAfter = useRef<"state" | "request" | null>(null);
  useEffect(() => {
    if (focusAfter.current === null) return;
    (focusAfter.current === "state" ? stateLabel : requestButton).current?.focus();
    focusAfter.current = null;
  }, [status, isAsking]);

  const knownState = useRef<string | null>(null);
  const load = useCallback(
    () =>
      getReviewStatusAction(articleId).then(
        (result) => {
          if (!result.ok) return setError(result.error.message);
          // Someone else moved the article: say so, rather than leave this person's last announcement.
          if (knownState.current !== null && knownState.current !== result.value.state) setAnnouncement(movedBy(result.value));
          knownState.current = result.value.state;
          setStatus(result.value);
        },
        () => setError("Could not load the review state."),
      ),
    [articleId],
  );

  // Again whenever a refresh brings another state (someone else moved the article)…
  useEffect(() => {
    void load();
  }, [load, reviewState]);
  // …or, once saved, the claims approval waits for change.
  const loadedReadiness = useRef(readiness);
  useEffect(() => {
    if (readiness === null || readiness === loadedReadiness.current) return;
    loadedReadiness.current = readiness;
    void load();
  }, [load, readiness]);

  const act = async (action: ReviewAction, comment?: string): Promise<string | null> => {
    setBusy(true);
    const result = await transitionArticleAction(articleId, { action, comment });
    setBusy(false);
    if (!result.ok) {
      if (result.error.code === "conflict") void load();
      return result.error.fields?.comment?.[0] ?? result.error.message;
    }
    knownState.current = result.value.state;
    setStatus(result.value);
    setAsking(false);
    setError(null);
    focusAfter.current = "state";
    setAnnouncement(`${REVIEW_ACTION_LABELS[action]}. The article is now: ${REVIEW_STATE_LABELS[result.value.state]}.`);
    router.refresh();
    return null;
  };

  const run = async (action: ReviewAction) => setError(await act(action));

  if (!status) {
    return (
      <section className="review-bar" aria-label="Review">
        <p className="small muted">{error ?? "Loading the review state…"}</p>
      </section>
    );
  }
  const last = status.history.at(-1);
  const sentBack = status.history.findLast((h) => h.action === "request_changes");
  const can = (a: ReviewAction) => status.allowed.includes(a);
  return (
    <section className={`review-bar state-${status.state}`} aria-label="Review">
      <div className="row">
        <span>
          Review:{" "}
          <strong ref={stateLabel} tabIndex={-1} className={`review-state state-${status.state}`}>
            {REVIEW_STATE_LABELS[status.state]}
          </strong>
        </span>
        {last && (
          <span className="small muted">
            {REVIEW_ACTION_LABELS[last.action]}
            {last.actor ? ` by ${last.actor}` : ""}, {formatDateTime(last.at)}
          </span>
        )}
        {can("submit") && (
          <button type="button" className="button small primary" disabled={isBusy} onClick={() => void run("submit")}>
            Submit for review
          </button>
        )}
        {can("approve") && (
          <button type="button" className="button small primary" disabled={isBusy} onClick={() => void run("approve")}>
            Approve
          </button>
        )}
        {can("request_changes") && !isAsking && (
          <button ref={requestButton} type="button" className="button small" disabled={isBusy} onClick={() => setAsking(true)}>
            Request changes
          </button>
        )}
        {can("reopen") && (
          <button type="button" className="button small" disabled={isBusy} onClick={() => void run("reopen")}>
            Reopen
          </button>
        )}
      </div>
      {status.state === "approved" && <p className="small">Approved articles are read-only until a reviewer reopens them.</p>}
      {status.blockers.length > 0 && (
        <div className="review-blockers small">
          <p>Not ready for approval:</p>
          <ul>
            {status.blockers.map((b) => (
              <li key={b}>{b}.</li>
            ))}
          </ul>
        </div>
      )}
      {last?.comment && last.action === "request_changes" && status.state === "changes_requested" && (
        <blockquote className="review-reason">{last.comment}</blockquote>
      )}
      {/* Resubmitted: the reviewer sees what was asked last time, to check it was done. */}
      {status.state === "in_review" && sentBack?.comment && (
        <div className="small">
          <p>
            Sent back before{sentBack.actor ? ` by ${sentBack.actor}` : ""}, {formatDateTime(sentBack.at)}:
          </p>
          <blockquote className="review-reason">{sentBack.comment}</blockquote>
        </div>
      )}
      {isAsking && (
        <div className="request-changes">
          <CommentForm
            label="What needs to change"
            submitLabel="Send back with changes requested"
            onSubmit={(body) => act("request_changes", body)}
            focusOnOpen
          />
          <button
            type="button"
            className="link-button small"
            onClick={() => {
              focusAfter.current = "request";
              setAsking(false);
            }}
          >
            Cancel
          </button>
        </div>
      )}
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
      {status.openComments > 0 && (
        <p className="small">
          {status.openComments} open comment thread{status.openComments === 1 ? "" : "s"} on this article and its claims.
        </p>
      )}
      <ArticleComments articleId={articleId} canComment={status.state !== "approved"} />
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
