import Link from "next/link";
import type { FullReport } from "@/lib/data/report";
import type { ShareLinkView } from "@/lib/data/share";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { REVIEW_STATE_LABELS } from "@/components/review/review-labels";
import { SummaryFigures } from "@/components/report/summary-figures";
import { AttentionList } from "@/components/report/attention-list";
import { WhoSaidWhat } from "@/components/report/who-said-what";
import { ReportClaimItem } from "@/components/report/report-claim";
import { ExportLinks } from "@/components/report/export-links";
import { ShareLinks } from "@/components/report/share-links";
import { PrintButton } from "@/components/report/print-button";
import { LowCredibility } from "@/components/report/low-credibility";
import { SinceApproval } from "@/components/report/since-approval";
import { ReviewBar } from "@/components/review/review-bar";
import { isHttpUrl } from "@/components/sources/source-title";
import { TAG_LABELS } from "@/components/annotate/tag-labels";
import { countOf } from "@/components/ui/format";

type Props = {
  report: FullReport;
  /** "desk": signed-in staff; "shared": a read-only link, without any control. */
  mode?: "desk" | "shared";
  canEdit?: boolean;
  shareLinks?: ShareLinkView[];
};

/** The claim report: what the article asserts, who said what, what is sourced, and the verdicts. */
export function ClaimReport({ report, mode = "desk", canEdit = false, shareLinks = [] }: Props) {
  const { article, claims, review } = report;
  const isDesk = mode === "desk";
  return (
    <article className="report">
      {isDesk && (
        <p className="muted small no-print">
          <Link href={`/articles/${article.id}`}>← Back to annotating</Link>
        </p>
      )}
      <div className="page-head">
        <h1>Claim report</h1>
        <PrintButton />
      </div>
      <p className="report-title">{article.title}</p>
      <p className="muted small">
        {[article.publisher, article.author, article.publishedAt && formatDate(article.publishedAt)].filter(Boolean).join(" · ")}
        {article.url && isHttpUrl(article.url) && (
          <>
            {" · "}
            <a href={article.url} target="_blank" rel="noopener noreferrer nofollow">
              Original article
            </a>
          </>
        )}
      </p>
      {/* Desk users decide here too: approve or send back without going back to annotating. Printed, the plain line stands in. */}
      {isDesk && (
        <div className="no-print">
          <ReviewBar articleId={article.id} reviewState={review.state} />
        </div>
      )}
      <p className={isDesk ? "small print-only" : "small"}>
        Review: <strong className={`review-state state-${review.state}`}>{REVIEW_STATE_LABELS[review.state]}</strong>
        {review.reviewedAt && review.state !== "draft" && review.state !== "in_review" && (
          <>
            {" "}
            ({review.reviewedBy ? `${review.reviewedBy}, ` : ""}
            {formatDateTime(review.reviewedAt)})
          </>
        )}
      </p>

      <SinceApproval changes={report.sinceApproval} canReopen={isDesk} />
      <SummaryFigures report={report} />
      <AttentionList report={report} />
      {isDesk && <LowCredibility articleId={article.id} />}
      <WhoSaidWhat report={report} canGroup={isDesk && canEdit} />

      <section aria-labelledby="all-heading" className="report-section">
        <h2 id="all-heading">All claims ({claims.length})</h2>
        <ol className="report-claims">
          {claims.map((c) => (
            <ReportClaimItem key={c.id} claim={c} />
          ))}
        </ol>
      </section>

      {report.orphaned.length > 0 && (
        <section aria-labelledby="orphaned-heading" className="report-section">
          <h2 id="orphaned-heading">Orphaned by a revision ({report.orphaned.length})</h2>
          <p className="small muted">
            A later revision of the article no longer holds these claims. They are kept with their tags and sources, and
            are not counted above.
          </p>
          <ul className="plain-list attention-list">
            {report.orphaned.map((c) => (
              <li key={c.id}>
                “{c.text}” <span className={`tag-pill tag-${c.tag ?? "none"}`}>{c.tag ? TAG_LABELS[c.tag] : "Untagged"}</span>
                <span className="small muted"> · {countOf(c.sources.length, "source")}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {isDesk && <ExportLinks articleId={article.id} />}
      {isDesk && canEdit && <ShareLinks articleId={article.id} initial={shareLinks} />}
    </article>
  );
}
