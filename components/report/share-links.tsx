"use client";

import { useState, type FormEvent } from "react";
import type { ShareLinkView } from "@/lib/data/share";
import { createShareLinkAction, revokeShareLinkAction } from "@/app/(app)/articles/[articleId]/report/actions";
import { formatDateTime } from "@/components/ui/format";

const EXPIRIES = [
  ["1", "1 day"],
  ["7", "7 days"],
  ["30", "30 days"],
  ["90", "90 days"],
  ["never", "Never"],
] as const;

const STATUS_LABELS: Record<ShareLinkView["status"], string> = { active: "Active", expired: "Expired", revoked: "Revoked" };

/** Editors make read-only links to this report for people without accounts, and revoke them. */
export function ShareLinks({ articleId, initial }: { articleId: string; initial: ShareLinkView[] }) {
  const [links, setLinks] = useState(initial);
  const [expiry, setExpiry] = useState<string>("30");
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const result = await createShareLinkAction(articleId, { expiresInDays: expiry });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setCreated(new URL(result.value.path, window.location.origin).toString());
    setLinks([result.value.link, ...links]);
  };
  const revoke = async (linkId: string) => {
    const result = await revokeShareLinkAction(linkId);
    if (!result.ok) return setError(result.error.message);
    setLinks(links.map((l) => (l.id === linkId ? result.value : l)));
  };

  return (
    <section aria-labelledby="share-heading" className="report-section no-print">
      <h2 id="share-heading">Share a read-only link</h2>
      <p className="small muted">
        Anyone with the link can read this report without an account, until it expires or is revoked. It shows no staff names,
        notes or comments.
      </p>
      <form className="row" onSubmit={(e) => void create(e)}>
        <label className="field inline">
          <span>Expires after</span>
          <select value={expiry} onChange={(e) => setExpiry(e.target.value)}>
            {EXPIRIES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          Create share link
        </button>
      </form>
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
      {created && (
        <div role="status" className="notice">
          <label className="field">
            <span>New share link (copy it now: it cannot be shown again)</span>
            <input readOnly value={created} onFocus={(e) => e.currentTarget.select()} />
          </label>
        </div>
      )}
      {links.length > 0 && (
        <div className="table-scroll">
        <table className="table share-table">
          <caption className="visually-hidden">Share links of this report</caption>
          <thead>
            <tr>
              <th scope="col">Created</th>
              <th scope="col">By</th>
              <th scope="col">Expires</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {links.map((l) => (
              <tr key={l.id}>
                <td>{formatDateTime(l.createdAt)}</td>
                <td>{l.createdBy}</td>
                <td>{l.expiresAt ? formatDateTime(l.expiresAt) : "Never"}</td>
                <td>{STATUS_LABELS[l.status]}</td>
                <td>
                  {l.status === "active" && (
                    <button
                      type="button"
                      className="button small"
                      onClick={() => void revoke(l.id)}
                      aria-label={`Revoke the link created ${formatDateTime(l.createdAt)}`}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </section>
  );
}
