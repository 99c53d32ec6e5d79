"use client";

import { useEffect, useRef, useState } from "react";
import { activityAction } from "@/app/(app)/articles/[articleId]/actions";
import type { HistoryEntry } from "@/lib/data/history";
import type { ClaimView } from "@/lib/data/views";
import { formatDateTime } from "@/components/ui/format";

type Props = { articleId: string; isOpen: boolean; canEdit: boolean; onClose: () => void; onRestore: (claimId: string) => void };

/** The article's activity feed and its deleted claims, which can be restored. */
export function ActivityDialog({ articleId, isOpen, canEdit, onClose, onRestore }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [data, setData] = useState<{ activity: HistoryEntry[]; deleted: (ClaimView & { deletedAt: string })[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (isOpen && d && !d.open) {
      d.showModal();
      void activityAction(articleId).then(
        (r) => (r.ok ? setData(r.value) : setError(r.error.message)),
        () => setError("Could not load the activity."),
      );
    }
    if (!isOpen && d?.open) d.close();
  }, [articleId, isOpen]);
  return (
    <dialog ref={ref} className="dialog wide" aria-labelledby="activity-title" onClose={onClose}>
      <h2 id="activity-title">Activity</h2>
      {error && <p className="error">{error}</p>}
      {!data && !error && <p className="muted">Loading…</p>}
      {data && (
        <>
          <h3>Deleted claims ({data.deleted.length})</h3>
          {data.deleted.length === 0 ? (
            <p className="muted small">None.</p>
          ) : (
            <div role="group" aria-label="Deleted claims">
              {data.deleted.map((c) => (
                <p key={c.id} className="deleted-claim">
                  <q>{c.text}</q> <span className="muted small">deleted {formatDateTime(c.deletedAt)}</span>{" "}
                  {canEdit && (
                    <button
                      type="button"
                      className="button small"
                      onClick={() => {
                        onRestore(c.id);
                        setData({ ...data, deleted: data.deleted.filter((d) => d.id !== c.id) });
                      }}
                    >
                      Restore<span className="visually-hidden"> “{c.text.slice(0, 40)}”</span>
                    </button>
                  )}
                </p>
              ))}
            </div>
          )}
          <h3>What happened</h3>
          <div className="history" role="log" aria-label="Article activity">
            {data.activity.map((e) => (
              <p key={e.id}>
                <span className="small muted">{formatDateTime(e.at)}</span> <strong>{e.actor}</strong> {e.summary}
              </p>
            ))}
          </div>
        </>
      )}
      <div className="row">
        <button type="button" className="button" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
