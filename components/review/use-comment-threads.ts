"use client";

import { useCallback, useState } from "react";
import type { CommentView } from "@/lib/data/comments";
import { addCommentAction, listCommentsAction, resolveCommentAction } from "@/app/(app)/articles/[articleId]/review-actions";
import { useCommentChanges } from "@/components/review/comment-counts";

export type CommentScope = { claimId: string } | { articleId: string };

/**
 * Loads, adds to and resolves the comment threads of a claim or an article through the
 * server actions; onChange hears the new threads (to update counts shown elsewhere).
 * Loaded threads reload when commentsChanged() reports someone else's comment.
 */
export function useCommentThreads(scope: CommentScope, onChange?: (threads: CommentView[]) => void) {
  const [threads, setThreads] = useState<CommentView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = "claimId" in scope ? scope.claimId : scope.articleId;
  const isClaim = "claimId" in scope;

  const update = useCallback(
    (next: CommentView[]) => {
      setThreads(next);
      onChange?.(next);
    },
    [onChange],
  );

  const load = useCallback(async () => {
    const result = await listCommentsAction(isClaim ? { claimId: key } : { articleId: key });
    if (result.ok) {
      setError(null);
      update(result.value);
    } else setError(result.error.message);
  }, [isClaim, key, update]);

  const add = useCallback(
    async (body: string, parentId?: string): Promise<string | null> => {
      const input = parentId ? { parentId, body } : isClaim ? { claimId: key, body } : { articleId: key, body };
      const result = await addCommentAction(input);
      if (!result.ok) return result.error.fields?.body?.[0] ?? result.error.message;
      const comment = result.value;
      const current = threads ?? [];
      update(
        parentId
          ? current.map((t) => (t.id === parentId ? { ...t, replies: [...t.replies, comment] } : t))
          : [...current, comment],
      );
      return null;
    },
    [isClaim, key, threads, update],
  );

  const resolve = useCallback(
    async (threadId: string, resolved: boolean) => {
      const result = await resolveCommentAction(threadId, { resolved });
      if (!result.ok) return setError(result.error.message);
      setError(null);
      update((threads ?? []).map((t) => (t.id === threadId ? result.value : t)));
    },
    [threads, update],
  );

  // Threads already on screen reload when someone else comments (live updates).
  const isLoaded = threads !== null;
  const reload = useCallback(() => {
    if (isLoaded) void load();
  }, [isLoaded, load]);
  useCommentChanges(key, reload);

  return { threads, error, load, add, resolve };
}
