"use client";

import { useState, type ReactNode } from "react";
import type { CommentView } from "@/lib/data/comments";
import { CommentForm } from "@/components/review/comment-form";
import { CommentThreads } from "@/components/review/comment-threads";
import { type CommentScope, useCommentThreads } from "@/components/review/use-comment-threads";

type Props = {
  scope: CommentScope;
  className: string;
  /** The summary line; it sees the threads once they have loaded. */
  summary: (threads: CommentView[] | null) => ReactNode;
  summaryClassName?: string;
  canComment: boolean;
  formLabel: string;
  onChange?: (threads: CommentView[]) => void;
};

/** Comment threads of a claim or an article behind a disclosure; they load when first opened. */
export function CommentPanel({ scope, className, summary, summaryClassName, canComment, formLabel, onChange }: Props) {
  const [isOpen, setOpen] = useState(false);
  const { threads, error, load, add, resolve } = useCommentThreads(scope, onChange);
  return (
    <details
      className={className}
      onToggle={(e) => {
        const isNowOpen = e.currentTarget.open;
        setOpen(isNowOpen);
        if (isNowOpen && threads === null) void load();
      }}
    >
      <summary className={summaryClassName}>{summary(threads)}</summary>
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
            <CommentThreads threads={threads} canComment={canComment} onReply={(id, body) => add(body, id)} onResolve={resolve} />
          )}
          {canComment && <CommentForm label={formLabel} submitLabel="Comment" onSubmit={(body) => add(body)} />}
        </div>
      )}
    </details>
  );
}
