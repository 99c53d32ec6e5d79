import Link from "next/link";
import type { ReviewQueueItem } from "@/lib/data/review";
import { formatDateTime } from "@/components/ui/format";

/** Articles waiting for review, the longest waiting first. */
export function ReviewQueue({ articles }: { articles: ReviewQueueItem[] }) {
  return (
    <>
      <h1>Waiting for review</h1>
      <p className="muted" aria-live="polite">
        {articles.length === 0
          ? "No article is waiting for review."
          : `${articles.length} article${articles.length === 1 ? "" : "s"}, the longest waiting first.`}
      </p>
      {articles.length > 0 && (
        <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col">Submitted</th>
              <th scope="col">By</th>
              <th scope="col" className="num">
                Claims
              </th>
              <th scope="col" className="num">
                Open comments
              </th>
              <th scope="col">Report</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link href={`/articles/${a.id}`}>{a.title}</Link>
                  {a.publisher && <div className="muted small">{a.publisher}</div>}
                </td>
                <td>{a.submittedAt ? <time dateTime={a.submittedAt}>{formatDateTime(a.submittedAt)}</time> : "–"}</td>
                <td>{a.submittedBy ?? "–"}</td>
                <td className="num">{a.claims}</td>
                <td className="num">{a.openComments}</td>
                <td>
                  <Link href={`/articles/${a.id}/report`} aria-label={`Report on ${a.title}`}>
                    Report
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </>
  );
}
