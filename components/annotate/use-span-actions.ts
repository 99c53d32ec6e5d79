"use client";

import { useCallback, useRef } from "react";
import {
  adjustClaimAction,
  createClaimAction,
  deleteClaimAction,
  mergeClaimsAction,
  restoreClaimAction,
  splitClaimAction,
  undoAction,
} from "@/app/(app)/articles/[articleId]/actions";
import { adjustBoundary, mergeSpans, snapToWords, splitPointNear, splitSpan } from "@/lib/claims/span-edit";
import { TAG_LABELS } from "@/components/annotate/tag-labels";
import type { ClaimView } from "@/lib/data/views";

type Deps = {
  articleId: string;
  text: string;
  upsert: (claims: ClaimView[]) => void;
  remove: (ids: string[]) => void;
  select: (id: string | null) => void;
  announce: (message: string) => void;
  /** The newest version the page knows of a claim (updated as soon as a save returns). */
  versionOf: (claimId: string) => number | undefined;
};

type Result<T> = { ok: true; value: T } | { ok: false; error: { message: string } };

/**
 * The span edits of the annotate page. Each one is checked here first with the same rules
 * the server applies (lib/claims/span-edit.ts), so a refused edit is explained at once;
 * then the server does it and the page takes the claims it returns.
 */
export function useSpanActions({ articleId, text, upsert, remove, select, announce, versionOf }: Deps) {
  // Edits run one after another, so a quick second key press uses the version the first
  // one returned instead of conflicting with it.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const run = useCallback(
    <T,>(call: () => Promise<Result<T>>, done: (value: T) => string): Promise<T | null> => {
      const next = queue.current.then(async () => {
        try {
          const result = await call();
          announce(result.ok ? done(result.value) : result.error.message);
          return result.ok ? result.value : null;
        } catch {
          announce("Could not reach the server; nothing was changed. Try again.");
          return null;
        }
      });
      queue.current = next;
      return next;
    },
    [announce],
  );
  const v = useCallback((claim: ClaimView) => versionOf(claim.id) ?? claim.version, [versionOf]);

  const createFromSelection = useCallback(
    async (span: { start: number; end: number }) => {
      const snapped = snapToWords(text, span);
      if (!snapped.ok) return announce(snapped.error);
      const claim = await run(() => createClaimAction(articleId, snapped.value), (c) => `Created a claim: “${c.text}”.`);
      if (claim) {
        upsert([claim]);
        select(claim.id);
      }
    },
    [announce, articleId, run, select, text, upsert],
  );

  const split = useCallback(
    async (claim: ClaimView, caret: number) => {
      const at = splitPointNear(text, claim, caret);
      const check = splitSpan(text, claim, at);
      if (!check.ok) return announce(check.error);
      const claims = await run(() => splitClaimAction(claim.id, { at, version: v(claim) }), () => "Split the claim in two.");
      if (claims) upsert(claims);
    },
    [announce, run, text, upsert, v],
  );

  const merge = useCallback(
    async (a: ClaimView, b: ClaimView) => {
      const check = mergeSpans(text, a, b);
      if (!check.ok) return announce(check.error);
      // The merged claim keeps the first claim's tag (or the second's, if the first had none):
      // say so when that drops a different tag, which undo brings back.
      const [first, second] = a.start <= b.start ? [a, b] : [b, a];
      const dropped = first.tag && second.tag && first.tag !== second.tag ? second.tag : null;
      const merged = await run(
        () => mergeClaimsAction({ claimIds: [a.id, b.id], versions: [v(a), v(b)] }),
        () =>
          dropped
            ? `Merged the two claims. The merged claim is ${TAG_LABELS[first.tag!]}; the other's tag, ${TAG_LABELS[dropped]}, was not kept (press z to undo).`
            : "Merged the two claims.",
      );
      if (merged) {
        remove([a.id, b.id].filter((id) => id !== merged.id));
        upsert([merged]);
        select(merged.id);
      }
    },
    [announce, remove, run, select, text, upsert, v],
  );

  const setSpan = useCallback(
    async (claim: ClaimView, span: { start: number; end: number }) => {
      const updated = await run(() => adjustClaimAction(claim.id, { ...span, version: v(claim) }), (c) => `The claim now reads “${c.text}”.`);
      if (updated) upsert([updated]);
    },
    [run, upsert, v],
  );

  const moveBoundary = useCallback(
    (claim: ClaimView, edge: "start" | "end", direction: -1 | 1) => {
      const moved = adjustBoundary(text, claim, edge, direction, "word");
      if (!moved.ok) return announce(moved.error);
      return setSpan(claim, moved.value);
    },
    [announce, setSpan, text],
  );

  const dragBoundary = useCallback(
    (claim: ClaimView, edge: "start" | "end", offset: number) => {
      const raw = edge === "start" ? { start: Math.min(offset, claim.end - 1), end: claim.end } : { start: claim.start, end: Math.max(offset, claim.start + 1) };
      const snapped = snapToWords(text, raw);
      if (!snapped.ok) return announce(snapped.error);
      return setSpan(claim, snapped.value);
    },
    [announce, setSpan, text],
  );

  const del = useCallback(
    async (claim: ClaimView) => {
      const ok = await run(() => deleteClaimAction(claim.id, { version: v(claim) }), () => "Deleted the claim. Press z to undo.");
      if (ok !== null) remove([claim.id]);
    },
    [remove, run, v],
  );

  const restore = useCallback(
    async (claimId: string) => {
      const claim = await run(() => restoreClaimAction(claimId), () => "Restored the claim.");
      if (claim) upsert([claim]);
    },
    [run, upsert],
  );

  const undo = useCallback(async () => {
    const result = await run(() => undoAction(articleId), (r) => r.message);
    if (result) {
      remove(result.removedIds);
      upsert(result.claims);
    }
  }, [articleId, remove, run, upsert]);

  return { createFromSelection, split, merge, moveBoundary, dragBoundary, delete: del, restore, undo };
}
