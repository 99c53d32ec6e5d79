"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server's HTML and while React hydrates it, true from the render after.
 * The annotate workspace keeps its controls disabled until then: a button painted before
 * React has attached its handler would otherwise take a click and do nothing, which on a
 * long article or a slow machine is a second or more.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
