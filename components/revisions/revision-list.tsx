import Link from "next/link";
import type { RevisionSummary } from "@/lib/data/revisions";
import { formatDateTime } from "@/components/ui/format";
import { RevisionForm } from "@/components/revisions/revision-form";

type Props = { article: { id: string; title: string; text: string }; revisions: RevisionSummary[]; canImport: boolean };

/** An article's revisions, with links to what changed and the form for a new one. */
export function RevisionList({ article, revisions, canImport }: Props) {
  return (
    <>
      <p className="muted small">
        <Link href={`/articles/${article.id}`}>← Back to annotating</Link>
      </p>
      <h1>Revisions</h1>
      <p className="report-title">{article.title}</p>
      <div className="table-scroll">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Revision</th>
            <th scope="col">Imported</th>
            <th scope="col">By</th>
            <th scope="col" className="num">
              Characters
            </th>
            <th scope="col">Changes</th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((r) => (
            <tr key={r.id}>
              <td>{r.number}</td>
              <td>{formatDateTime(r.createdAt)}</td>
              <td>{r.createdBy}</td>
              <td className="num">{r.characters}</td>
              <td>{r.number > 1 ? <Link href={`/articles/${article.id}/revisions/${r.number}`}>What changed in revision {r.number}</Link> : "First import"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {canImport && <RevisionForm articleId={article.id} currentText={article.text} />}
    </>
  );
}
