import Link from "next/link";
import type { ArticleListItem } from "@/lib/data/articles";
import { formatDate } from "@/components/ui/format";
import { Pager } from "@/components/ui/pager";

type Props = { items: ArticleListItem[]; page: number; pageCount: number; total: number; q: string; canImport: boolean };

export function ArticleList({ items, page, pageCount, total, q, canImport }: Props) {
  const pageHref = (p: number) => `/articles?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <>
      <div className="page-head">
        <h1>Articles</h1>
        {canImport && (
          <Link href="/articles/new" className="button primary">
            Import an article
          </Link>
        )}
      </div>
      <form role="search" method="get" action="/articles" className="search">
        <label className="field inline">
          <span>Search titles</span>
          <input type="search" name="q" defaultValue={q} />
        </label>
        <button type="submit" className="button">
          Search
        </button>
      </form>
      <p className="muted" aria-live="polite">
        {total === 0 ? (q ? `No article title contains “${q}”.` : "No articles yet.") : `${total} article${total === 1 ? "" : "s"}`}
      </p>
      {items.length > 0 && (
        <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Published</th>
              <th scope="col">Imported</th>
              <th scope="col" className="num">Stated</th>
              <th scope="col" className="num">Disputed</th>
              <th scope="col" className="num">Attributed</th>
              <th scope="col" className="num">Untagged</th>
              <th scope="col">Progress</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link href={`/articles/${a.id}`}>{a.title}</Link>
                  {a.publisher && <div className="muted small">{a.publisher}</div>}
                </td>
                <td>{formatDate(a.publishedAt)}</td>
                <td>{formatDate(a.createdAt)}</td>
                <td className="num">{a.counts.stated}</td>
                <td className="num">{a.counts.disputed}</td>
                <td className="num">{a.counts.attributed}</td>
                <td className="num">{a.counts.untagged}</td>
                <td>
                  <progress max={Math.max(a.total, 1)} value={a.tagged} aria-label={`${a.tagged} of ${a.total} claims tagged`} />{" "}
                  <span className="small">
                    {a.tagged}/{a.total}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
      <Pager page={page} pageCount={pageCount} href={pageHref} />
    </>
  );
}
