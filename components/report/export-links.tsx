import { exportUrl } from "@/lib/export/iris";

const FORMATS = [
  ["json", "JSON", "everything, lossless"],
  ["csv", "CSV", "one row per claim, for spreadsheets"],
  ["w3c", "W3C Web Annotations", "JSON-LD"],
  ["claimreview", "ClaimReview", "schema.org JSON-LD, claims with a verdict"],
  ["markdown", "Markdown", "a readable report"],
] as const;

/** Download links for every export format (GET /api/v1/articles/:id/export?format=…). */
export function ExportLinks({ articleId }: { articleId: string }) {
  return (
    <section aria-labelledby="export-heading" className="report-section no-print">
      <h2 id="export-heading">Export</h2>
      <ul className="plain-list export-list">
        {FORMATS.map(([format, label, what]) => (
          <li key={format}>
            <a href={exportUrl("", articleId, format)} download>
              {label}
            </a>{" "}
            <span className="small muted">({what})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
