import Link from "next/link";
import type { RevisionDiff } from "@/lib/data/revisions";

const STATUS = { anchored: "unchanged", changed: "changed: needs re-review", orphaned: "orphaned" } as Record<string, string>;

/** What changed between two revisions, hunk by hunk, with the claims each change touched. */
export function RevisionDiffView({ articleId, diff }: { articleId: string; diff: RevisionDiff }) {
  return (
    <>
      <p className="muted small">
        <Link href={`/articles/${articleId}/revisions`}>← All revisions</Link> · <Link href={`/articles/${articleId}`}>Annotate</Link>
      </p>
      <h1>
        Changes from revision {diff.from} to {diff.to}
      </h1>
      <p>
        {diff.hunks.length} change{diff.hunks.length === 1 ? "" : "s"}; deleted text is struck through, inserted text is highlighted.
      </p>
      {diff.hunks.map((h, i) => (
        <section key={`${h.oldStart}-${h.newStart}`} className="revision-hunk" aria-label={`Change ${i + 1}`}>
          <p>
            {h.oldText && (
              <del className="diff-del" aria-label={`Deleted: ${h.oldText}`}>
                {h.oldText}
              </del>
            )}{" "}
            {h.newText && (
              <ins className="diff-ins" aria-label={`Inserted: ${h.newText}`}>
                {h.newText}
              </ins>
            )}
          </p>
          {h.claims.length > 0 && (
            <p className="small">
              Claims affected:{" "}
              {h.claims.map((c, j) => (
                <span key={c.id}>
                  {j > 0 && "; "}
                  <q>{c.text}</q> ({STATUS[c.status] ?? c.status})
                </span>
              ))}
            </p>
          )}
        </section>
      ))}
    </>
  );
}
