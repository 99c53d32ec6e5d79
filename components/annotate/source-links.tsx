import type { SourceLinkView } from "@/lib/data/views";
import { CredibilityBadge } from "@/components/sources/credibility-badge";
import { RELATION_LABELS, SourceTitle } from "@/components/sources/source-title";


/** The sources linked to a claim, with relation, title, locator, credibility and quoted passage. */
export function SourceLinks({ sources, canEdit, onRemove }: { sources: SourceLinkView[]; canEdit: boolean; onRemove?: (linkId: string) => void }) {
  if (sources.length === 0) return <p className="muted small">No sources yet.</p>;
  return (
    <div className="sources" role="group" aria-label="Sources">
      {sources.map((s) => (
        <div key={s.id} className="source">
          <span className={`relation rel-${s.relation}`}>{RELATION_LABELS[s.relation]}</span>{" "}
          <SourceTitle url={s.url} title={s.title} />
          {s.locator && <span className="muted small"> · {s.locator}</span>} <CredibilityBadge credibility={s.credibility} />
          {s.quote && <blockquote className="quote">{s.quote}</blockquote>}
          {canEdit && onRemove && (
            <button type="button" className="link-button small" onClick={() => onRemove(s.id)} aria-label={`Remove source ${s.title ?? s.url}`}>
              Remove
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
