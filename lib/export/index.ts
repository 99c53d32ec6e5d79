import { toClaimReviewExport, type ClaimReviewOptions } from "./claimreview";
import { toCsvExport } from "./csv";
import { toJsonExport } from "./json";
import { toMarkdownReport, type MarkdownReportOptions } from "./markdown";
import type { ArticleExport } from "./types";
import { toW3cExport, W3C_CONTENT_TYPE } from "./w3c";

// One entry point for `GET /api/v1/articles/:id/export?format=…` and the report page's
// download links: the format name picks the builder, the media type and the file name.

export const EXPORT_FORMATS = ["json", "csv", "w3c", "claimreview", "markdown"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportFile = { body: string; contentType: string; fileName: string };

/** What builders need besides the article: ClaimReview's publisher, and the speaker groups Markdown's "Who said what" follows. */
export type ExportOptions = ClaimReviewOptions & MarkdownReportOptions;

const FORMATS: Record<ExportFormat, { contentType: string; suffix: string; build: (data: ArticleExport, options: ExportOptions) => string }> = {
  json: { contentType: "application/json; charset=utf-8", suffix: "claimtrack.json", build: (d) => toJsonExport(d) },
  // RFC 4180 registers text/csv with the header parameter.
  csv: { contentType: "text/csv; charset=utf-8; header=present", suffix: "claims.csv", build: (d) => toCsvExport(d) },
  w3c: { contentType: W3C_CONTENT_TYPE, suffix: "annotations.jsonld", build: (d) => toW3cExport(d) },
  claimreview: { contentType: "application/ld+json", suffix: "claimreview.jsonld", build: (d, o) => toClaimReviewExport(d, o) },
  // RFC 7763.
  markdown: { contentType: "text/markdown; charset=utf-8", suffix: "report.md", build: (d, o) => toMarkdownReport(d, o) },
};

/** True when a query-string value names an export format. */
export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** Builds one export of an article: its body, media type and a download file name. */
export function buildExport(format: ExportFormat, data: ArticleExport, options: ExportOptions): ExportFile {
  const spec = FORMATS[format];
  return { body: spec.build(data, options), contentType: spec.contentType, fileName: `${slugify(data.article.title) || data.article.id}.${spec.suffix}` };
}

/** An ASCII file-name stem from a title: "Poland’s mines, 2025" → "polands-mines-2025" (at most 60 characters). */
export function slugify(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}
