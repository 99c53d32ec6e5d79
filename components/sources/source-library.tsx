import Link from "next/link";
import type { SourceListItem } from "@/lib/data/source-views";
import type { LinkCheckJobView } from "@/lib/data/source-check-job";
import { HEALTH_FILTERS } from "@/lib/sources/source-schemas";
import { SOURCE_TYPES } from "@/lib/sources/source-type";
import { CredibilityBadge } from "@/components/sources/credibility-badge";
import { HealthLabel } from "@/components/sources/health-label";
import { LinkCheckPanel } from "@/components/sources/link-check-panel";

type Filters = { q: string; type: string; health: string };
type Props = {
  items: SourceListItem[];
  page: number;
  pageCount: number;
  total: number;
  filters: Filters;
  canEdit: boolean;
  job: LinkCheckJobView | null;
};

const HEALTH_LABELS: Record<(typeof HEALTH_FILTERS)[number], string> = {
  ok: "OK",
  redirected: "Redirected",
  gone: "Gone",
  unreachable: "Unreachable",
  unchecked: "Not checked",
};

/** The source library: search by title, domain or URL, filters by type and link health, claim counts, pages. */
export function SourceLibrary({ items, page, pageCount, total, filters, canEdit, job }: Props) {
  const pageHref = (p: number) =>
    `/sources?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)), page: String(p) })}`;
  const isFiltered = Boolean(filters.q || filters.type || filters.health);
  return (
    <>
      <div className="page-head">
        <h1>Sources</h1>
        {canEdit && (
          <Link href="/sources/new" className="button">
            Add a document or interview
          </Link>
        )}
      </div>
      <LinkCheckPanel initialJob={job} canStart={canEdit} />
      <form role="search" method="get" action="/sources" className="search source-search">
        <label className="field inline">
          <span>Search sources</span>
          <input type="search" name="q" defaultValue={filters.q} placeholder="Title, domain or URL" />
        </label>
        <label className="field inline">
          <span>Type</span>
          <select name="type" defaultValue={filters.type}>
            <option value="">Any type</option>
            {SOURCE_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <span>Health</span>
          <select name="health" defaultValue={filters.health}>
            <option value="">Any health</option>
            {HEALTH_FILTERS.map((h) => (
              <option key={h} value={h}>
                {HEALTH_LABELS[h]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          Search
        </button>
      </form>
      <p className="muted" aria-live="polite">
        {total === 0 ? (isFiltered ? "No source matches." : "No sources yet.") : `${total} source${total === 1 ? "" : "s"}`}
      </p>
      {items.length > 0 && (
        <div className="table-scroll">
        <table className="table" aria-label="Sources">
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Type</th>
              <th scope="col">Credibility</th>
              <th scope="col">Link</th>
              <th scope="col" className="num">
                Claims
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link href={`/sources/${s.id}`}>{s.title ?? s.url}</Link>
                  <div className="muted small">
                    {s.isWeb ? [s.publisher, s.domain].filter(Boolean).join(" · ") : "Uploaded or offline source"}
                  </div>
                </td>
                <td>{s.type ?? "–"}</td>
                <td>
                  <CredibilityBadge credibility={s.credibility} showUnrated />
                </td>
                <td>{s.isWeb ? <HealthLabel health={s.health} /> : "–"}</td>
                <td className="num">{s.claimCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
      {pageCount > 1 && (
        <nav aria-label="Pages" className="pager">
          {page > 1 && <Link href={pageHref(page - 1)}>Previous</Link>}
          <span>
            Page {page} of {pageCount}
          </span>
          {page < pageCount && <Link href={pageHref(page + 1)}>Next</Link>}
        </nav>
      )}
    </>
  );
}
