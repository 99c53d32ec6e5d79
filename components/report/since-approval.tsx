import type { ApprovalChange } from "@/lib/data/approval-changes";
import type { Credibility } from "@/lib/sources/credibility";
import { formatDateTime } from "@/components/ui/format";
import { CREDIBILITY_LABELS } from "@/components/sources/credibility-badge";

const rating = (level: Credibility | null) => (level ? CREDIBILITY_LABELS[level].toLowerCase() : "not rated");

function describe(change: ApprovalChange): string {
  switch (change.kind) {
    case "source-rating":
      return `Source “${change.source}” rated ${rating(change.to)} (was ${rating(change.from)})`;
    case "publisher-rating":
      return `Publisher ${change.domain} rated ${rating(change.to)} (was ${rating(change.from)})`;
    case "speaker-group":
      return `“${change.name}” grouped under “${change.under}”`;
    case "speaker-ungroup":
      return `“${change.name}” taken out of the group “${change.from}”`;
  }
}

/**
 * On an approved article's report: the desk-wide rating and speaker-group changes made
 * since the approval that alter what the report shows (lib/data/approval-changes.ts).
 */
export function SinceApproval({ changes, canReopen }: { changes: ApprovalChange[]; canReopen: boolean }) {
  if (changes.length === 0) return null;
  return (
    <section aria-labelledby="since-approval-heading" className="report-section since-approval">
      <h2 id="since-approval-heading">Changed since approval ({changes.length})</h2>
      <p className="small">
        The claims, tags and sources are as approved, but these changes the whole desk shares came later and alter what
        this report shows: its credibility figures and flags, or how it groups speakers.
        {canReopen && " A reviewer can reopen the article to check it again."}
      </p>
      <ul className="plain-list">
        {changes.map((change, i) => (
          <li key={i}>
            <bdi>{describe(change)}</bdi>
            <span className="small muted">
              {" · "}
              {change.actor ? `${change.actor}, ` : ""}
              {formatDateTime(change.at)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
