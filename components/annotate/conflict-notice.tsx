import type { ClaimView } from "@/lib/data/views";
import type { ClaimChanges } from "@/components/annotate/use-claim-saver";

export type Conflict = { mine: ClaimChanges; theirs: ClaimView };

const EDITABLE = ["tag", "speaker", "cue", "note"] as const;

function describe(changes: ClaimChanges, claim: ClaimView): string {
  return EDITABLE.filter((key) => key in changes || (changes.acceptSuggestion && key === "tag"))
    .map((key) => `${key}: ${JSON.stringify(key === "tag" ? (claim.tag ?? "untagged") : (claim[key] ?? ""))}`)
    .join(", ");
}

/** Someone saved this claim first: their value beside the editor's, and the choice. */
export function ConflictNotice({ conflict, onResolve }: { conflict: Conflict; onResolve: (choice: "theirs" | "mine") => void }) {
  const { mine, theirs } = conflict;
  return (
    <div className="conflict" role="alert">
      <p>
        <strong>{theirs.taggedBy ?? "Someone"}</strong> changed this claim while you were editing. Theirs: {describe(mine, theirs)}. Yours:{" "}
        {describe(mine, { ...theirs, ...mine })}.
      </p>
      <div className="row">
        <button type="button" className="button small" onClick={() => onResolve("theirs")}>
          Keep theirs
        </button>
        <button type="button" className="button small primary" onClick={() => onResolve("mine")}>
          Use mine
        </button>
      </div>
    </div>
  );
}
