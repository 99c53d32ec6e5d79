"use client";

import { CommentPanel } from "@/components/review/comment-panel";

type Props = { articleId: string; canComment: boolean };

/** The article's own comment threads (such as a reviewer's reasons), loaded when opened. */
export function ArticleComments({ articleId, canComment }: Props) {
  return (
    <CommentPanel
      scope={{ articleId }}
      className="article-comments"
      canComment={canComment}
      formLabel="Comment on the article"
      summary={(threads) => {
        const open = threads?.filter((t) => !t.resolvedAt).length ?? 0;
        return `Comments on the article${open > 0 ? ` (${open} open)` : ""}`;
      }}
    />
  );
}
