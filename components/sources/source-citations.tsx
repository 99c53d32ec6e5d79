import Link from "next/link";
import type { CitingClaimView } from "@/lib/data/source-views";

const RELATIONS: Record<string, string> = { supports: "Supports", refutes: "Refutes", context: "Context", origin: "Origin" };

/** Every claim citing a source, with its article, the relation, the quoted passage and the locator. */
export function SourceCitations({ claims }: { claims: CitingClaimView[] }) {
  return (
    <section aria-labelledby="citations-heading">
      <h2 id="citations-heading">Cited by {claims.length === 1 ? "1 claim" : `${claims.length} claims`}</h2>
      {claims.length === 0 ? (
        <p className="muted">No claim cites this source yet.</p>
      ) : (
        <div className="table-scroll">
        <table className="table" aria-labelledby="citations-heading">
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Article</th>
              <th scope="col">Relation</th>
              <th scope="col">Quote and locator</th>
            </tr>
          </thead>
          <tbody>
            {claims.map((c) => (
              <tr key={c.linkId}>
                <td>{c.claimText}</td>
                <td>
                  <Link href={`/articles/${c.articleId}`}>{c.articleTitle}</Link>
                </td>
                <td>
                  <span className={`relation rel-${c.relation}`}>{RELATIONS[c.relation] ?? c.relation}</span>
                </td>
                <td>
                  {c.quote && <blockquote className="quote">{c.quote}</blockquote>}
                  {c.locator && <span className="muted small">at {c.locator}</span>}
                  {!c.quote && !c.locator && "–"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </section>
  );
}
