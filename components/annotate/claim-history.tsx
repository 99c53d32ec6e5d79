"use client";

import { useEffect, useState } from "react";
import { claimHistoryAction } from "@/app/(app)/articles/[articleId]/actions";
import type { HistoryEntry } from "@/lib/data/history";
import { formatDateTime } from "@/components/ui/format";

/** Everything that happened to a claim: who, when, before and after. Loads when shown. */
export function ClaimHistory({ claimId, version }: { claimId: string; version: number }) {
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void claimHistoryAction(claimId).then(
      (r) => isCurrent && (r.ok ? setEntries(r.value) : setError(r.error.message)),
      () => isCurrent && setError("Could not load the history."),
    );
    return () => {
      isCurrent = false;
    };
  }, [claimId, version]);
  if (error) return <p className="error small">{error}</p>;
  if (!entries) return <p className="muted small">Loading the history…</p>;
  if (entries.length === 0) return <p className="muted small">No changes since the import.</p>;
  return (
    // Not a list: the claim itself is an item of the "Claims" list, which holds one item per claim.
    <div className="history" role="group" aria-label="History of this claim">
      {entries.map((e) => (
        <p key={e.id}>
          <span className="small muted">{formatDateTime(e.at)}</span> <strong>{e.actor}</strong> {e.summary}
          {e.before && Object.keys(e.before).length > 0 && (
            <span className="small muted"> (was {Object.entries(e.before).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(", ")})</span>
          )}
        </p>
      ))}
    </div>
  );
}
