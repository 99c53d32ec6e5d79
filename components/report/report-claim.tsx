import type { ReportClaim } from "@/lib/data/report";
import { CLAIM_FLAG_LABELS } from "@/lib/export/summary";
import { claimAnchor } from "@/lib/export/iris";
import { VERDICT_LABELS } from "@/lib/schemas/claim";
import { TAG_LABELS } from "@/components/annotate/tag-labels";
import { ReportSources } from "@/components/report/report-sources";

/** One claim in the report, with the HTML id that exports link to ("#claim-<id>"). */
export function ReportClaimItem({ claim }: { claim: ReportClaim }) {
  return (
    <li id={claimAnchor(claim.id)} className={`report-claim tag-${claim.tag ?? "none"}`}>
      <p className="report-claim-head">
        <span className="claim-num">{claim.number}</span>
        <span className={`tag-pill tag-${claim.tag ?? "none"}`}>{claim.tag ? TAG_LABELS[claim.tag] : "Untagged"}</span>
        {claim.verdict && (
          <span className={`verdict-pill verdict-${claim.verdict}`}>Verdict: {VERDICT_LABELS[claim.verdict]}</span>
        )}
        {claim.flags.map((f) => (
          <span key={f} className="flag-pill">
            {CLAIM_FLAG_LABELS[f]}
          </span>
        ))}
      </p>
      <blockquote className="report-claim-text">{claim.text}</blockquote>
      {(claim.speaker || claim.cue) && (
        <p className="small">
          {claim.speaker && (
            <>
              Speaker: <strong>{claim.speaker}</strong>
            </>
          )}
          {claim.cue && (
            <>
              {" "}
              · cue “<bdi>{claim.cue}</bdi>”
            </>
          )}
        </p>
      )}
      {claim.verdict && (
        <p className="small verdict-line">
          <strong>{VERDICT_LABELS[claim.verdict]}</strong>
          {claim.verdictRationale && (
            <>
              : <bdi>{claim.verdictRationale}</bdi>
            </>
          )}
          {claim.verdictBy && (
            <span className="muted">
              {" "}
              (<bdi>{claim.verdictBy}</bdi>)
            </span>
          )}
        </p>
      )}
      {claim.note && <p className="small muted">Note: {claim.note}</p>}
      <ReportSources sources={claim.sources} />
    </li>
  );
}
