import type { ClaimView } from "@/lib/data/views";

/** Claims a new revision could not place: kept with their old text, never dropped. */
export function OrphanedClaims({ claims }: { claims: ClaimView[] }) {
  if (claims.length === 0) return null;
  return (
    <section className="orphaned" aria-labelledby="orphaned-heading">
      <h3 id="orphaned-heading">Orphaned claims ({claims.length})</h3>
      <p className="muted small">A new revision no longer contains these; their tags, notes and sources are kept. Re-create them from the text if they moved.</p>
      <div role="group" aria-label="Orphaned claims">
        {claims.map((c) => (
          <p key={c.id} className="orphaned-claim">
            <q>{c.text}</q> {c.tag && <span className={`tag-pill tag-${c.tag}`}>{c.tag}</span>}
          </p>
        ))}
      </div>
    </section>
  );
}
