export type ChartBar = { key: string; label: string; value: number; className?: string };

type Props = {
  id: string;
  title: string;
  /** What one unit is, for the text equivalent ("claims", "sources"). */
  unit: string;
  bars: ChartBar[];
};

const WIDTH = 520;
const LABEL = 150;
const ROW = 30;
const BAR = 18;

/**
 * A horizontal bar chart as SVG, with a text equivalent twice over: the SVG is one image
 * whose title and description name every value, and the same figures sit in a table a
 * disclosure away, for people who prefer to read or copy them.
 */
export function BarChart({ id, title, unit, bars }: Props) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const total = bars.reduce((sum, b) => sum + b.value, 0);
  const span = WIDTH - LABEL - 60;
  const height = bars.length * ROW + 6;
  const description = `${bars.map((b) => `${b.label}: ${b.value}`).join("; ")}. Total ${total} ${unit}.`;
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="chart-caption">
        {title}
      </figcaption>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="chart-svg"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {bars.map((b, i) => {
          const y = i * ROW + 4;
          const w = b.value === 0 ? 0 : Math.max(2, (b.value / max) * span);
          return (
            <g key={b.key}>
              <text x={LABEL - 8} y={y + BAR / 2} dominantBaseline="middle" textAnchor="end" className="chart-label">
                {b.label}
              </text>
              <rect x={LABEL} y={y} width={w} height={BAR} rx={3} className={`chart-bar ${b.className ?? ""}`} />
              <text x={LABEL + w + 6} y={y + BAR / 2} dominantBaseline="middle" className="chart-value">
                {b.value}
              </text>
            </g>
          );
        })}
      </svg>
      <details className="chart-data">
        <summary>{title}: the figures as a table</summary>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{title}</th>
              <th scope="col" className="num">
                {unit.charAt(0).toUpperCase() + unit.slice(1)}
              </th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.key}>
                <th scope="row">{b.label}</th>
                <td className="num">{b.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
