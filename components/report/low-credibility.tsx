import Link from "next/link";
import { getPageActor } from "@/lib/auth/session";
import { getLowCredibilityClaims } from "@/lib/data/source-credibility";
import { CredibilityBadge } from "@/components/sources/credibility-badge";

/**
 * The claim report's figure for claims that only low-credibility sources back (every
 * "supports" or "origin" source rated unreliable or mixed), listing them with their
 * sources' ratings. Loads its own data, so the report mounts it with one line.
 */
export async function LowCredibility({ articleId }: { articleId: string }) {
  const actor = await getPageActor();
  const low = await getLowCredibilityClaims(actor, articleId).catch(() => null);
  if (!low) return null;
  return (
    <section aria-labelledby="low-credibility-heading">
      <h2 id="low-credibility-heading">Backed only by low-credibility sources ({low.count})</h2>
      <p className="muted small">
        Claims whose every supporting or originating source is rated unreliable or mixed (the source’s own rating, else its
        publisher’s). Unrated sources do not count as low.
      </p>
      {low.count === 0 ? (
        <p>No claim rests only on low-credibility sources.</p>
      ) : (
        <ul className="plain-list">
          {low.claims.map((c) => (
            <li key={c.id}>
              <span className="claim-num">{c.number}</span> {c.text}
              <ul className="low-cred-sources">
                {c.sources.map((s, i) => (
                  <li key={`${s.id}-${i}`}>
                    <Link href={`/sources/${s.id}`}>{s.title ?? s.url}</Link>{" "}
                    <CredibilityBadge credibility={s.credibility} showUnrated />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
