import type { SourceLinkView } from "@/lib/data/views";

const RELATION_LABELS = { supports: "Supports", refutes: "Refutes", context: "Context", origin: "Origin" } as const;

/** A claim's sources in the report: relation, title (a link only for http(s) addresses) and the quoted passage. */
export function ReportSources({ sources }: { sources: SourceLinkView[] }) {
  if (sources.length === 0) return <p className="muted small">No sources.</p>;
  return (
    <div className="sources" role="group" aria-label="Sources">
      {sources.map((s) => (
        <div key={s.id} className="source">
          <span className={`relation rel-${s.relation}`}>{RELATION_LABELS[s.relation]}</span>{" "}
          {/^https?:\/\//i.test(s.url) ? (
            <a href={s.url} target="_blank" rel="noopener noreferrer nofollow">
              {s.title ?? s.url}
            </a>
          ) : (
            <span>{s.title ?? s.url}</span>
          )}
          <span className="print-url"> {s.url}</span>
          {s.quote && <blockquote className="quote">{s.quote}</blockquote>}
        </div>
      ))}
    </div>
  );
}
