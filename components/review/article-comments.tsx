"use client";

import { useState } from "react";
import { CommentForm } from "@/components/review/comment-form";
import { CommentThreads } from "@/components/review/comment-threads";
import { useCommentThreads } from "@/components/review/use-comment-threads";

type Props = { articleId: string; canComment: boolean };

/** The article's own comment threads (such as a reviewer's reasons), loaded when opened. */
export function ArticleComments({ articleId, canComment }: Props) {
  const [isOpen, setOpen] = useState(false);
  const { threads, error, load, add, resolve } = useCommentThreads({ articleId });
  const open = threads?.filter((t) => !t.resolvedAt).length ?? 0;
  return (
    <details
      className="article-comments"
      onToggle={(e) => {
        const isNowOpen = e.currentTarget.open;
        setOpen(isNowOpen);
        if (isNowOpen && threads === null) void load();
      }}
    >
      <summary>Comments on the article{open > 0 ? ` (${open} open)` : ""}</summary>
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
          {canComment && <CommentForm label="Comment on the article" submitLabel="Comment" onSubmit={(body) => add(body)} />}
        </div>
      )}
    </details>
  );
}
