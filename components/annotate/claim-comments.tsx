"use client";

import { useCallback, useState } from "react";
import type { ClaimView } from "@/lib/data/views";
import type { CommentView } from "@/lib/data/comments";
import { CommentForm } from "@/components/review/comment-form";
import { CommentThreads } from "@/components/review/comment-threads";
import { setCommentCount, useCommentCount } from "@/components/review/comment-counts";
import { useCommentThreads } from "@/components/review/use-comment-threads";
import { useViewer } from "@/components/review/use-viewer";

/**
 * A claim's comment threads on the annotate page. The summary shows how many threads are
 * open (counts for every claim come in one batched request); the threads load when opened.
 */
export function ClaimComments({ claim }: { claim: Pick<ClaimView, "id"> }) {
  const viewer = useViewer();
  const count = useCommentCount(claim.id);
  const [isOpen, setOpen] = useState(false);
  const onChange = useCallback(
    (threads: CommentView[]) =>
      setCommentCount(claim.id, { threads: threads.length, open: threads.filter((t) => !t.resolvedAt).length }),
    [claim.id],
  );
  const { threads, error, load, add, resolve } = useCommentThreads({ claimId: claim.id }, onChange);
  const label = count && count.threads > 0 ? ` (${count.open > 0 ? `${count.open} open` : "all resolved"})` : "";
  return (
    <details
      className="claim-comments"
      onToggle={(e) => {
        const isNowOpen = e.currentTarget.open;
        setOpen(isNowOpen);
        if (isNowOpen && threads === null) void load();
      }}
    >
      <summary className={count && count.open > 0 ? "has-open" : undefined}>Comments{label}</summary>
      {isOpen && (
        <div className="stack">
          {error && (
            <p className="error small" role="alert">
              {error}
            </p>
          )}
          {threads === null ? (
            <p className="small muted">Loading…</p>
          ) : (
            <CommentThreads
              threads={threads}
              canComment={viewer?.canComment ?? false}
              onReply={(id, body) => add(body, id)}
              onResolve={resolve}
            />
          )}
          {viewer?.canComment && (
            <CommentForm label="Comment on this claim" submitLabel="Comment" onSubmit={(body) => add(body)} />
          )}
        </div>
      )}
    </details>
  );
}
