"use client";

import { useCallback } from "react";
import type { ClaimView } from "@/lib/data/views";
import type { CommentView } from "@/lib/data/comments";
import { CommentPanel } from "@/components/review/comment-panel";
import { setCommentCount, useCommentCount } from "@/components/review/comment-counts";
import { useViewer } from "@/components/review/use-viewer";

/**
 * A claim's comment threads on the annotate page. The summary shows how many threads are
 * open (counts for every claim come in one batched request); the threads load when opened.
 */
export function ClaimComments({ claim }: { claim: Pick<ClaimView, "id"> }) {
  const viewer = useViewer();
  const count = useCommentCount(claim.id);
  const onChange = useCallback(
    (threads: CommentView[]) =>
      setCommentCount(claim.id, { threads: threads.length, open: threads.filter((t) => !t.resolvedAt).length }),
    [claim.id],
  );
  const label = count && count.threads > 0 ? ` (${count.open > 0 ? `${count.open} open` : "all resolved"})` : "";
  return (
    <CommentPanel
      scope={{ claimId: claim.id }}
      className="claim-comments"
      summary={() => `Comments${label}`}
      summaryClassName={count && count.open > 0 ? "has-open" : undefined}
      canComment={viewer?.canComment ?? false}
      formLabel="Comment on this claim"
      onChange={onChange}
    />
  );
}
