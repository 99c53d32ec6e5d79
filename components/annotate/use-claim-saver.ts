"use client";

import { useCallback, useLayoutEffect, useRef } from "react";
import { updateClaimAction } from "@/app/(app)/articles/[articleId]/actions";
import type { ClaimView } from "@/lib/data/views";
import { ClaimVersions } from "@/lib/claims/versions";

export type ClaimChanges = Partial<Pick<ClaimView, "tag" | "speaker" | "cue" | "note">> & { acceptSuggestion?: true; acknowledgeChange?: true };

type Handlers = {
  onSaving: (claimId: string) => void;
  onSaved: (claim: ClaimView, changes: ClaimChanges) => void;
  onConflict: (claimId: string, mine: ClaimChanges, theirs: ClaimView) => void;
  onError: (claimId: string, message: string, changes: ClaimChanges) => void;
};

/**
 * Saves claim changes one at a time per claim, each with the version the previous save
 * returned, so quick successive edits never conflict with themselves. A conflict with
 * someone else's save is handed to onConflict with both values.
 */
export function useClaimSaver(initial: readonly ClaimView[], handlers: Handlers) {
  const versions = useRef(new ClaimVersions(initial));
  const chains = useRef(new Map<string, Promise<void>>());
  const handlersRef = useRef(handlers);
  useLayoutEffect(() => {
    handlersRef.current = handlers;
  });

  const save = useCallback((claimId: string, changes: ClaimChanges): Promise<void> => {
    const run = async () => {
      const h = handlersRef.current;
      h.onSaving(claimId);
      const version = versions.current.of(claimId) ?? 1;
      try {
        const result = await updateClaimAction(claimId, { ...changes, version });
        if (result.ok) {
          versions.current.see(claimId, result.value.version);
          h.onSaved(result.value, changes);
        } else if (result.error.code === "conflict") {
          const theirs = (result.error.details as { claim: ClaimView }).claim;
          versions.current.see(claimId, theirs.version);
          h.onConflict(claimId, changes, theirs);
        } else {
          h.onError(claimId, result.error.message, changes);
        }
      } catch {
        h.onError(claimId, "Could not reach the server. Your change is not saved; try again.", changes);
      }
    };
    const next = (chains.current.get(claimId) ?? Promise.resolve()).then(run);
    chains.current.set(claimId, next);
    return next;
  }, []);

  /** Adopts a claim version seen elsewhere (e.g. after keeping someone else's change); an older one is ignored. */
  const adopt = useCallback((claim: ClaimView) => {
    versions.current.see(claim.id, claim.version);
  }, []);

  /** The newest version of a claim this page knows (saves and span edits must name it). */
  const versionOf = useCallback((claimId: string) => versions.current.of(claimId), []);

  return { save, adopt, versionOf };
}
