import type { FullReport } from "@/lib/data/report";
import { claimAnchor } from "@/lib/export/iris";
import { SpeakerGroups } from "@/components/report/speaker-groups";

/** "Who said what": each speaker (names grouped as editors grouped them) with their claims and cues. */
export function WhoSaidWhat({ report, canGroup }: { report: FullReport; canGroup: boolean }) {
  const { speakers } = report;
  return (
    <section aria-labelledby="speakers-heading" className="report-section">
      <h2 id="speakers-heading">Who said what</h2>
      {speakers.length === 0 ? (
        <p>No claim has a speaker yet.</p>
      ) : (
        <div className="speaker-groups">
          {speakers.map((g) => (
            <section key={g.key} className="speaker-group" aria-labelledby={`speaker-${g.key.replace(/[^a-z0-9]+/g, "-")}`}>
              <h3 id={`speaker-${g.key.replace(/[^a-z0-9]+/g, "-")}`}>
                <bdi>{g.name}</bdi>{" "}
                <span className="muted small">
                  ({g.claims.length} claim{g.claims.length === 1 ? "" : "s"})
                </span>
              </h3>
              {g.variants.length > 1 || g.variants[0] !== g.name ? (
                <p className="small muted">
                  As:{" "}
                  {g.variants.map((v, i) => (
                    <span key={v}>
                      {i > 0 && " · "}
                      <bdi>{v}</bdi>
                    </span>
                  ))}
                </p>
              ) : null}
              <ul className="plain-list">
                {g.claims.map((c) => (
                  <li key={c.id}>
                    <a href={`#${claimAnchor(c.id)}`} className="claim-num" aria-label={`Claim ${c.number}`}>
                      {c.number}
                    </a>{" "}
                    {c.cue && <em className="cue">{c.cue}: </em>}
                    {c.text}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
      {canGroup && speakers.length > 0 && (
        <SpeakerGroups speakers={speakers.map((g) => ({ name: g.name, variants: g.variants }))} aliases={report.aliases} />
      )}
    </section>
  );
}
