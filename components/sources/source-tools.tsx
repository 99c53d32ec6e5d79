"use client";

import { archiveSourceAction, checkSourceLinkAction } from "@/app/(app)/sources/actions";
import { ActionMessage } from "@/components/sources/action-message";
import { useSourceAction } from "@/components/sources/use-source-action";

/** "Check link" and "Save to the Wayback Machine" for a web source, with their outcome. */
export function SourceTools({ sourceId }: { sourceId: string }) {
  const check = useSourceAction();
  const archive = useSourceAction();
  return (
    <div className="stack">
      <div className="row">
        <button
          type="button"
          className="button"
          disabled={check.isPending}
          onClick={() =>
            check.run(
              () => checkSourceLinkAction(sourceId),
              (h) => `Link check: ${h?.message ?? "done"}`,
            )
          }
        >
          {check.isPending ? "Checking…" : "Check link"}
        </button>
        <button
          type="button"
          className="button"
          disabled={archive.isPending}
          onClick={() =>
            archive.run(
              () => archiveSourceAction(sourceId),
              (a) => `Saved to the Wayback Machine: ${a.archiveUrl}`,
            )
          }
        >
          {archive.isPending ? "Asking the Wayback Machine…" : "Save to the Wayback Machine"}
        </button>
      </div>
      <ActionMessage outcome={check.outcome} />
      <ActionMessage outcome={archive.outcome} />
    </div>
  );
}
