"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { mergeSourcesAction } from "@/app/(app)/sources/actions";
import { FieldError, describedBy } from "@/components/ui/field-error";
import { ActionMessage } from "@/components/sources/action-message";
import { useSourceAction } from "@/components/sources/use-source-action";

type Props = { sourceId: string; candidates: { id: string; label: string }[]; search: string };

/** Merging this source, a duplicate, into another: every claim link moves to the kept source. */
export function MergeForm({ sourceId, candidates, search }: Props) {
  const router = useRouter();
  const { run, isPending, outcome } = useSourceAction();
  // Merging cannot be undone from the page: the first click asks, the second merges.
  const [pendingInto, setPendingInto] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const intoId = String(new FormData(event.currentTarget).get("intoId") ?? "");
    if (pendingInto !== intoId) return setPendingInto(intoId);
    setPendingInto(null);
    run(
      () => mergeSourcesAction(sourceId, { intoId }),
      (r) => `Merged: ${r.movedLinks} link${r.movedLinks === 1 ? "" : "s"} moved.`,
      (r) => router.push(`/sources/${r.keptId}`),
    );
  }

  return (
    <section aria-labelledby="merge-heading" className="stack">
      <h2 id="merge-heading">Merge a duplicate</h2>
      <p className="muted small">
        If this source is a duplicate, merge it into the one to keep: every claim that cites it will cite the kept source, whose
        empty fields are filled from this one, and this record leaves the library.
      </p>
      <form method="get" className="row" role="search">
        <label className="field inline">
          <span>Find the source to keep</span>
          <input type="search" name="merge" defaultValue={search} />
        </label>
        <button type="submit" className="button">
          Find
        </button>
      </form>
      {candidates.length === 0 ? (
        <p className="muted small">No other source from this publisher{search ? " or matching the search" : ""}.</p>
      ) : (
        <form onSubmit={onSubmit} className="row" noValidate>
          <label className="field inline">
            <span>Merge into</span>
            <select name="intoId" onChange={() => setPendingInto(null)} {...describedBy("merge-error", outcome?.fields.intoId)}>
              {candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button" disabled={isPending}>
            {pendingInto ? "Confirm merge" : "Merge"}
          </button>
        </form>
      )}
      {pendingInto && (
        <p role="status" className="notice">
          Merge into “{candidates.find((c) => c.id === pendingInto)?.label}”? This source leaves the library and its claim links move there.
          Click “Confirm merge” to go on.
        </p>
      )}
      <FieldError id="merge-error" messages={outcome?.fields.intoId} />
      <ActionMessage outcome={outcome} />
    </section>
  );
}
