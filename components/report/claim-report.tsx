import Link from "next/link";
import type { ArticleReport } from "@/lib/data/articles";
import { SourceLinks } from "@/components/annotate/source-links";
import { formatDate, formatPercent } from "@/components/ui/format";
import { LowCredibility } from "@/components/report/low-credibility";

const TAGS = [
  ["stated", "Stated"],
  ["disputed", "Disputed"],
  ["attributed", "Attributed"],
  ["untagged", "Untagged"],
] as const;

/** The claim report: what the article asserts, who said what, and what is sourced. */
export function ClaimReport({ report }: { report: ArticleReport }) {
  const { article, counts, total, sourcedShare, unsourced, claims } = report;
  const number = new Map(claims.map((c, i) => [c.id, i + 1]));
  return (
    <article className="report">
      <p className="muted small">
        <Link href={`/articles/${article.id}`}>← Back to annotating</Link>
      </p>
      <h1>Claim report</h1>
      <p className="report-title">{article.title}</p>
      <p className="muted small">
        {[article.publisher, article.author, article.publishedAt && formatDate(article.publishedAt)].filter(Boolean).join(" · ")}
      </p>

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">Summary</h2>
        <dl className="figures">
          {TAGS.map(([key, label]) => (
            <div key={key} className={`figure tag-${key === "untagged" ? "none" : key}`}>
              <dt>{label}</dt>
              <dd>{counts[key]}</dd>
            </div>
          ))}
          <div className="figure">
            <dt>Sourced</dt>
            <dd>{formatPercent(sourcedShare)}</dd>
          </div>
        </dl>
        <p>
          {total} claims; {total - unsourced.length} have at least one source ({formatPercent(sourcedShare)}).
        </p>
      </section>

      <section aria-labelledby="unsourced-heading">
        <h2 id="unsourced-heading">Unsourced claims ({unsourced.length})</h2>
        {unsourced.length === 0 ? (
          <p>Every claim has a source.</p>
        ) : (
          <ul className="plain-list">
            {unsourced.map((c) => (
              <li key={c.id}>
                <span className="claim-num">{number.get(c.id)}</span> {c.text}{" "}
                <span className={`tag-pill tag-${c.tag ?? "none"}`}>{c.tag ?? "untagged"}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <LowCredibility articleId={article.id} />

      <section aria-labelledby="all-heading">
        <h2 id="all-heading">All claims</h2>
        <table className="table report-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Claim</th>
              <th scope="col">Tag</th>
              <th scope="col">Speaker</th>
              <th scope="col">Cue</th>
              <th scope="col">Sources</th>
            </tr>
          </thead>
          <tbody>
            {claims.map((c, i) => (
              <tr key={c.id}>
                <td>{i + 1}</td>
                <td>
                  {c.text}
                  {c.note && <p className="muted small">Note: {c.note}</p>}
                </td>
                <td>
                  <span className={`tag-pill tag-${c.tag ?? "none"}`}>{c.tag ?? "untagged"}</span>
                </td>
                <td>{c.speaker ?? "–"}</td>
                <td>{c.cue ?? "–"}</td>
                <td>
                  <SourceLinks sources={c.sources} canEdit={false} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}
