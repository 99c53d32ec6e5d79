import Link from "next/link";
import type { Actor } from "@/lib/auth/roles";
import { getClaimStats } from "@/lib/data/search-stats";
import { BarChart } from "@/components/report/bar-chart";
import { filterHref, type RawFilters } from "@/components/claims/filter-href";
import { SourceTitle } from "@/components/sources/source-title";

const MONTHS = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

/** The dashboard's figures over the matching claims: top speakers, most-cited sources and domains, claims per month. */
export async function ClaimStats({ actor, raw }: { actor: Actor; raw: RawFilters }) {
  const stats = await getClaimStats(actor, raw);
  return (
    <aside className="claim-stats" aria-label="Figures for these claims">
      <section aria-labelledby="speakers-heading">
        <h2 id="speakers-heading">Top speakers</h2>
        {stats.speakers.length === 0 ? (
          <p className="muted small">No speakers among these claims.</p>
        ) : (
          <ol className="tally">
            {stats.speakers.map((s) => (
              <li key={s.name}>
                <Link href={filterHref(raw, { speaker: s.name })}>{s.name}</Link> <span className="muted small">{s.claims}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">Most-cited sources</h2>
        {stats.sources.length === 0 ? (
          <p className="muted small">No sources cited by these claims.</p>
        ) : (
          <ol className="tally">
            {stats.sources.map((s) => (
              <li key={s.url}>
                <SourceTitle url={s.url} title={s.title} />{" "}
                <span className="muted small">
                  {s.domain} · {s.citations} citation{s.citations === 1 ? "" : "s"}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="domains-heading">
        <h2 id="domains-heading">Most-cited domains</h2>
        {stats.domains.length === 0 ? (
          <p className="muted small">No domains.</p>
        ) : (
          <ol className="tally">
            {stats.domains.map((d) => (
              <li key={d.domain}>
                <Link href={filterHref(raw, { domain: d.domain })}>{d.domain}</Link>{" "}
                <span className="muted small">{d.citations}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="months-heading">
        <h2 id="months-heading">Claims over time</h2>
        {stats.months.length === 0 ? (
          <p className="muted small">No claims.</p>
        ) : (
          <BarChart
            id="chart-months"
            title="Claims per month (article date)"
            unit="claims"
            bars={stats.months.map((m) => ({
              key: m.month,
              label: MONTHS.format(new Date(`${m.month}-01T00:00:00Z`)),
              value: m.claims,
            }))}
          />
        )}
      </section>
    </aside>
  );
}
