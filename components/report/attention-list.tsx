import type { FullReport, ReportClaim } from "@/lib/data/report";
import { CLAIM_FLAG_LABELS } from "@/lib/export/summary";
import { claimAnchor } from "@/lib/export/iris";
import { TAG_LABELS } from "@/components/annotate/tag-labels";

/** Unsourced claims, claims whose sources miss what their tag calls for, and claims a revision changed: what to fix first. */
export function AttentionList({ report }: { report: FullReport }) {
  return (
    <section aria-labelledby="attention-heading" className="report-section">
      <h2 id="attention-heading">Needs attention</h2>
      <h3 id="unsourced-heading">Unsourced claims ({report.unsourced.length})</h3>
      {report.unsourced.length === 0 ? <p>Every claim has a source.</p> : <ClaimLinks claims={report.unsourced} />}
      <h3 id="flagged-heading">Sourced, but flagged ({report.flagged.length})</h3>
      {report.flagged.length === 0 ? (
        <p>No sourced claim misses a refuting or origin source.</p>
      ) : (
        <ClaimLinks claims={report.flagged} showFlags />
      )}
      {report.changed.length > 0 && (
        <>
          <h3 id="changed-heading">Changed since checked (a revision, or a span edit under a verdict), not yet re-read ({report.changed.length})</h3>
          <ClaimLinks claims={report.changed} />
        </>
      )}
    </section>
  );
}

function ClaimLinks({ claims, showFlags = false }: { claims: ReportClaim[]; showFlags?: boolean }) {
  return (
    <ul className="plain-list attention-list">
      {claims.map((c) => (
        <li key={c.id}>
          <a href={`#${claimAnchor(c.id)}`} className="claim-num" aria-label={`Claim ${c.number}`}>
            {c.number}
          </a>{" "}
          {c.text} <span className={`tag-pill tag-${c.tag ?? "none"}`}>{c.tag ? TAG_LABELS[c.tag] : "Untagged"}</span>
          {showFlags && (
            <span className="small muted">
              {" "}
              —{" "}
              {c.flags
                .filter((f) => f !== "unsourced")
                .map((f) => CLAIM_FLAG_LABELS[f])
                .join("; ")}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
