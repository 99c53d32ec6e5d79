import type { ClaimView } from "@/lib/data/views";
import { TAG_LABELS } from "@/components/annotate/tag-labels";

type Props = { claim: ClaimView; canEdit: boolean; onAccept: () => void };

/** The suggested tag with its confidence and reasons, and the button that accepts it. */
export function SuggestionBox({ claim, canEdit, onAccept }: Props) {
  const s = claim.suggestion;
  if (!s) return null;
  const isAccepted = claim.tag === s.tag;
  const percent = Math.round(s.confidence * 100);
  return (
    <div className={`suggestion${isAccepted ? " accepted" : ""}`}>
      <p className="suggestion-head">
        <span>
          Suggested: <strong className={`tag-pill tag-${s.tag}`}>{TAG_LABELS[s.tag]}</strong> · {percent}% confidence
        </span>
        {canEdit && !isAccepted && (
          <button type="button" className="button small" onClick={onAccept} aria-keyshortcuts="a" title="Accept the suggestion (A)">
            Accept suggestion
          </button>
        )}
      </p>
      {s.reasons.length > 0 && <p className="suggestion-reasons small">{s.reasons.join("; ")}</p>}
      {s.splitAt !== null && s.splitAt > claim.start && s.splitAt < claim.end && (
        <p className="small muted">
          This sentence may hold two claims; it could be split before “{claim.text.slice(s.splitAt - claim.start, s.splitAt - claim.start + 30).trim()}…”.
        </p>
      )}
    </div>
  );
}
