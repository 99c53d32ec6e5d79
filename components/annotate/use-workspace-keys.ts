"use client";

import { useEffect, useRef } from "react";
import { actionForKey, isTypingTarget, type ShortcutAction } from "@/components/annotate/shortcuts";

/**
 * Keyboard shortcuts for the annotate page. They act whenever the focus is not in a text
 * field and no dialog is open; Esc in a field returns the focus to its claim.
 */
export function useWorkspaceKeys(root: React.RefObject<HTMLElement | null>, onAction: (action: ShortcutAction) => void): void {
  const ref = useRef(onAction);
  useEffect(() => {
    ref.current = onAction;
  });
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || document.querySelector("dialog[open]")) return;
      const target = e.target as HTMLElement | null;
      if (target && root.current && !root.current.contains(target) && target !== document.body) return;
      if (isTypingTarget(target)) {
        if (e.key === "Escape") {
          e.preventDefault();
          (target?.closest("li.claim-item") as HTMLElement | null)?.focus();
        }
        return;
      }
      // Arrow keys in a radio group move between its radios, as they should.
      if (target instanceof HTMLInputElement && target.type === "radio" && e.key.startsWith("Arrow")) return;
      const action = actionForKey(e);
      if (!action) return;
      e.preventDefault();
      ref.current(action);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [root]);
}
