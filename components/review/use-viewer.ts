"use client";

import { useEffect, useState } from "react";
import type { ViewerAbilities } from "@/lib/data/review-verdicts";
import { getViewerAction } from "@/app/(app)/articles/[articleId]/review-actions";

// What the signed-in person may do (set verdicts, decide reviews, comment), asked once per
// page load however many claims show review controls. The server checks every write again;
// this only decides which controls to show.

let pending: Promise<ViewerAbilities | null> | null = null;

function loadViewer(): Promise<ViewerAbilities | null> {
  pending ??= getViewerAction()
    .then((result) => (result.ok ? result.value : null))
    .catch(() => null)
    .then((value) => {
      if (value === null) pending = null;
      return value;
    });
  return pending;
}

/** The viewer's abilities, or null while they load (or when the session has ended). */
export function useViewer(): ViewerAbilities | null {
  const [viewer, setViewer] = useState<ViewerAbilities | null>(null);
  useEffect(() => {
    let isLive = true;
    void loadViewer().then((value) => {
      if (isLive) setViewer(value);
    });
    return () => {
      isLive = false;
    };
  }, []);
  return viewer;
}
