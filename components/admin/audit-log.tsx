import Link from "next/link";
import type { AuditEventView } from "@/lib/data/audit";
import { formatDateTime } from "@/components/ui/format";
import { Pager } from "@/components/ui/pager";

type Props = { events: AuditEventView[]; page: number; pageCount: number; action: string };

/** The append-only audit log: who changed what, when, before and after. */
export function AuditLog({ events, page, pageCount, action }: Props) {
  const href = (p: number) => `/admin/audit?${new URLSearchParams({ ...(action ? { action } : {}), page: String(p) })}`;
  return (
    <>
      <h1>Audit log</h1>
      <p className="muted">Every change, in order. Nobody can edit or delete these entries.</p>
      <form method="get" action="/admin/audit" className="search" role="search">
        <label className="field inline">
          <span>Action starts with</span>
          <input name="action" defaultValue={action} placeholder="claim." />
        </label>
        <button type="submit" className="button">
          Filter
        </button>
      </form>
      <div className="table-scroll">
      <table className="table audit-table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">What</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(e.at)}</td>
              <td>{e.actor}</td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>
                {e.articleId ? <Link href={`/articles/${e.articleId}`}>{e.entityType}</Link> : e.entityType} <code className="small">{e.entityId}</code>
              </td>
              <td>
                <code className="small json">{e.before ?? "–"}</code>
              </td>
              <td>
                <code className="small json">{e.after ?? "–"}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      <Pager page={page} pageCount={pageCount} href={href} previousLabel="Newer" nextLabel="Older" />
    </>
  );
}
