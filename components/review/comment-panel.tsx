"use client";

import { useEffect, type ReactNode } from "react";
import type { CommentView } from "@/lib/data/comments";
import { CommentForm } from "@/components/review/comment-form";
import { CommentThreads } from "@/components/review/comment-threads";
import { type CommentScope, useCommentThreads } from "@/components/review/use-comment-threads";
import { useDetailsOpen } from "@/components/ui/use-details-open";

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
  const { isOpen, detailsProps } = useDetailsOpen();
  const { threads, error, load, add, resolve } = useCommentThreads(scope, onChange);
  const isLoaded = threads !== null;
  useEffect(() => {
    if (isOpen && !isLoaded) void load();
  }, [isOpen, isLoaded, load]);
  return (
    <details className={className} {...detailsProps}>
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
