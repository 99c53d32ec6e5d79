import type { SourceLinkView } from "@/lib/data/views";
import { RELATION_LABELS, SourceTitle } from "@/components/sources/source-title";


/** A claim's sources in the report: relation, title (a link only for http(s) addresses) and the quoted passage. */
export function ReportSources({ sources }: { sources: SourceLinkView[] }) {
  if (sources.length === 0) return <p className="muted small">No sources.</p>;
  return (
    <div className="sources" role="group" aria-label="Sources">
      {sources.map((s) => (
        <div key={s.id} className="source">
          <span className={`relation rel-${s.relation}`}>{RELATION_LABELS[s.relation]}</span>{" "}
          <SourceTitle url={s.url} title={s.title} />
          <span className="print-url"> {s.url}</span>
          {s.quote && <blockquote className="quote">{s.quote}</blockquote>}
        </div>
      ))}
    </div>
  );
}
