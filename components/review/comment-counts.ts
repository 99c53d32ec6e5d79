"use client";

import { useEffect, useSyncExternalStore } from "react";
import { commentCountsAction } from "@/app/(app)/articles/[articleId]/review-actions";

// Comment counts for the claims on screen, fetched in one request per batch: every claim's
// comments control asks for its count as it mounts, and the asks of one tick go together.

export type CommentCount = { threads: number; open: number };

const NONE: CommentCount = { threads: 0, open: 0 };
const counts = new Map<string, CommentCount>();
const listeners = new Set<() => void>();
let queued = new Set<string>();
let timer: ReturnType<typeof setTimeout> | null = null;

function notify(): void {
  for (const listener of listeners) listener();
}

function flush(): void {
  timer = null;
  const ids = [...queued];
  queued = new Set();
  void commentCountsAction(ids)
    .then((result) => {
      if (!result.ok) return;
      for (const id of ids) counts.set(id, result.value[id] ?? NONE);
      notify();
    })
    .catch(() => undefined);
}

function request(claimId: string): void {
  if (counts.has(claimId) || queued.has(claimId)) return;
  queued.add(claimId);
  timer ??= setTimeout(flush, 0);
}

/** Replaces a claim's counts after a change made on this page. */
export function setCommentCount(claimId: string, count: CommentCount): void {
  counts.set(claimId, count);
  notify();
}

const changeListeners = new Map<string, Set<() => void>>();

/**
 * Someone else commented on a claim or on the article (`key` is the claim's or the
 * article's id), as the live event stream reports: the claim's count is fetched again and
 * the threads open for that key reload.
 */
export function commentsChanged(key: string): void {
  if (counts.delete(key)) request(key);
  for (const listener of changeListeners.get(key) ?? []) listener();
}

/** Calls `onChange` whenever commentsChanged(key) is called, while mounted. */
export function useCommentChanges(key: string, onChange: () => void): void {
  useEffect(() => {
    const set = changeListeners.get(key) ?? new Set<() => void>();
    changeListeners.set(key, set);
    set.add(onChange);
    return () => {
      set.delete(onChange);
      if (set.size === 0) changeListeners.delete(key);
    };
  }, [key, onChange]);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A claim's comment counts, or null until they have loaded. */
export function useCommentCount(claimId: string): CommentCount | null {
  useEffect(() => request(claimId), [claimId]);
  return useSyncExternalStore(
    subscribe,
    () => counts.get(claimId) ?? null,
    () => null,
  );
}
