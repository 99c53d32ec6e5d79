"use client";

import type { CommentView } from "@/lib/data/comments";
import { formatDateTime } from "@/components/ui/format";
import { CommentForm } from "@/components/review/comment-form";

type Props = {
  threads: CommentView[];
  canComment: boolean;
  onReply: (threadId: string, body: string) => Promise<string | null>;
  onResolve: (threadId: string, resolved: boolean) => Promise<void>;
};

/**
 * Comment threads: each with its replies, a reply box, and resolve or reopen. Not list
 * markup: on the annotate page this sits inside a claim, an item of the "Claims" list.
 */
export function CommentThreads({ threads, canComment, onReply, onResolve }: Props) {
  if (threads.length === 0) return <p className="muted small">No comments yet.</p>;
  return (
    <div className="comment-threads">
      {threads.map((t) => (
        <div
          key={t.id}
          className={`comment-thread${t.resolvedAt ? " resolved" : ""}`}
          role="group"
          aria-label={`Thread started by ${t.author}`}
        >
          <Comment comment={t} />
          {t.replies.length > 0 && (
            <div className="comment-replies">
              {t.replies.map((r) => (
                <Comment key={r.id} comment={r} />
              ))}
            </div>
          )}
          <p className="small muted comment-status">
            {t.resolvedAt ? `Resolved${t.resolvedBy ? ` by ${t.resolvedBy}` : ""}, ${formatDateTime(t.resolvedAt)}` : "Open"}
          </p>
          {canComment && (
            <div className="row">
              <button type="button" className="button small" onClick={() => void onResolve(t.id, !t.resolvedAt)}>
                {t.resolvedAt ? "Reopen thread" : "Resolve thread"}
              </button>
            </div>
          )}
          {canComment && !t.resolvedAt && (
            <CommentForm label={`Reply to ${t.author}`} submitLabel="Reply" onSubmit={(body) => onReply(t.id, body)} />
          )}
        </div>
      ))}
    </div>
  );
}

function Comment({ comment }: { comment: CommentView }) {
  return (
    <div className="comment">
      <p className="small comment-meta">
        <strong>{comment.author}</strong> <span className="role-badge">{comment.authorRole}</span>{" "}
        <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
      </p>
      <p className="comment-body">{comment.body}</p>
    </div>
  );
}
