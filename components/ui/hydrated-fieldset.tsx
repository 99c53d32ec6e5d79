"use client";

import { useSyncExternalStore, type ReactNode, type Ref } from "react";

const subscribe = () => () => {};

/** False in the server's HTML and while React hydrates it, true from the render after. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

/**
 * A fieldset whose controls stay disabled until React has hydrated them. A button
 * painted by the server before React attached its handler would otherwise take a click
 * and do nothing: on a long article or a busy machine, for a second or more. Only this
 * wrapper re-renders when hydration ends; the children it was given are the same
 * elements, so React skips them. role="presentation": it groups nothing for a screen
 * reader, it only disables. data-hydrated marks the moment for tests.
 */
export function HydratedFieldset({ ref, className, children }: { ref?: Ref<HTMLFieldSetElement>; className?: string; children: ReactNode }) {
  const hydrated = useHydrated();
  return (
    <fieldset ref={ref} className={className} disabled={!hydrated} role="presentation" data-hydrated={hydrated || undefined}>
      {children}
    </fieldset>
  );
}
