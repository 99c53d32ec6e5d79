"use client";

import { useCallback, useState, type SyntheticEvent } from "react";

/**
 * The open state of a `<details>` element. The browser opens it natively, so a click made
 * before hydration opens it without React seeing a toggle event; the callback ref reads
 * the element's state when React attaches it, so such a disclosure is not left open but
 * empty.
 */
export function useDetailsOpen() {
  const [isOpen, setOpen] = useState(false);
  const ref = useCallback((el: HTMLDetailsElement | null) => {
    if (el?.open) setOpen(true);
  }, []);
  const onToggle = useCallback((e: SyntheticEvent<HTMLDetailsElement>) => setOpen(e.currentTarget.open), []);
  return { isOpen, detailsProps: { ref, onToggle } };
}
