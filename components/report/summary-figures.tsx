import type { FullReport } from "@/lib/data/report";
import { CLAIM_FLAG_LABELS } from "@/lib/export/summary";
import { VERDICTS, VERDICT_LABELS } from "@/lib/schemas/claim";
import { countOf, formatPercent } from "@/components/ui/format";
import { BarChart } from "@/components/report/bar-chart";

// The first four figures are read in this order by e2e/annotate/full-path.spec.ts.
const TAGS = [
  ["stated", "Stated"],
  ["disputed", "Disputed"],
  ["attributed", "Attributed"],
  ["untagged", "Untagged"],
] as const;

const RELATIONS = [
  ["supports", "Supports"],
  ["refutes", "Refutes"],
  ["context", "Context"],
  ["origin", "Origin"],
] as const;

/** The report's summary: claims per tag, share sourced, claims missing the sources their tag needs, verdicts, and charts. */
export function SummaryFigures({ report }: { report: FullReport }) {
  const { summary, counts, total, sourcedShare } = report;
  const verdicts = VERDICTS.filter((v) => summary.verdicts[v] > 0);
  return (
    <section aria-labelledby="summary-heading" className="report-section">
      <h2 id="summary-heading">Summary</h2>
      <dl className="figures">
        {TAGS.map(([key, label]) => (
          <div key={key} className={`figure tag-${key === "untagged" ? "none" : key}`}>
            <dt>{label}</dt>
            <dd>{counts[key]}</dd>
          </div>
        ))}
        <div className="figure">
          <dt>Sourced</dt>
          <dd>{formatPercent(sourcedShare)}</dd>
        </div>
        <div className="figure flag">
          <dt>{CLAIM_FLAG_LABELS.disputed_without_refuting_or_origin}</dt>
          <dd>{summary.flags.disputed_without_refuting_or_origin}</dd>
        </div>
        <div className="figure flag">
          <dt>{CLAIM_FLAG_LABELS.attributed_without_origin}</dt>
          <dd>{summary.flags.attributed_without_origin}</dd>
        </div>
        {summary.flags.changed_not_reread > 0 && (
          <div className="figure flag">
            <dt>{CLAIM_FLAG_LABELS.changed_not_reread}</dt>
            <dd>{summary.flags.changed_not_reread}</dd>
          </div>
        )}
      </dl>
      <p>
        {countOf(total, "claim")}; {summary.sourced} {summary.sourced === 1 ? "has" : "have"} at least one source ({formatPercent(sourcedShare)}).{" "}
        {summary.needingAttention} {summary.needingAttention === 1 ? "needs" : "need"} attention.
      </p>
      <p>
        {verdicts.length === 0
          ? "No verdicts yet."
          : `Verdicts: ${verdicts.map((v) => `${VERDICT_LABELS[v]} ${summary.verdicts[v]}`).join(", ")}; ${countOf(summary.verdicts.none, "claim")} without one.`}
      </p>
      <div className="charts">
        <BarChart
          id="chart-tags"
          title="Claims per tag"
          unit="claims"
          bars={TAGS.map(([key, label]) => ({
            key,
            label,
            value: counts[key],
            className: `tag-${key === "untagged" ? "none" : key}`,
          }))}
        />
        <BarChart
          id="chart-relations"
          title="Sources per relation"
          unit="source links"
          bars={RELATIONS.map(([key, label]) => ({ key, label, value: summary.relations[key], className: `rel-${key}` }))}
        />
      </div>
    </section>
  );
}
