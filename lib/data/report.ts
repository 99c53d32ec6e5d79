import "server-only";
import { db, queryRows } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";
import { getArticleReport, type ArticleReport } from "@/lib/data/articles";
import type { ClaimView } from "@/lib/data/views";
import { loadSpeakerAliases } from "@/lib/data/speakers";
import { groupBySpeaker, type SpeakerAliasView, type SpeakerGroup } from "@/lib/claims/speaker-names";
import { flagClaim, summarizeClaims, type ClaimFlag, type ClaimsSummary } from "@/lib/export/summary";
import type { ReviewState } from "@/lib/export/types";
import { changesSinceApproval, type ApprovalChange } from "@/lib/data/approval-changes";

// The full claim report (issue 6) on top of the foundation's getArticleReport: summary
// figures from lib/export/summary (the same numbers every export prints), the review
// state, claims flagged for attention, and "who said what" grouped by speaker.

export type ReportClaim = ClaimView & { number: number; flags: ClaimFlag[] };

export type ReportReview = {
  state: ReviewState;
  submittedAt: string | null;
  reviewedAt: string | null;
  reviewedBy: string | null;
};

export type FullReport = Omit<ArticleReport, "claims" | "unsourced"> & {
  /** Claims whose text a revision changed and that no editor has re-read since. */
  changed: ReportClaim[];
  review: ReportReview;
  summary: ClaimsSummary;
  claims: ReportClaim[];
  /** Claims without any source. */
  unsourced: ReportClaim[];
  /** Claims with sources that still miss the kind of source their tag calls for. */
  flagged: ReportClaim[];
  speakers: SpeakerGroup<ReportClaim>[];
  aliases: SpeakerAliasView[];
  /** For an approved article: the desk-wide rating and speaker-group changes since, that its report shows. */
  sinceApproval: ApprovalChange[];
};

/** The claim report of an article: figures, review state, flagged claims, speakers and every claim. */
export async function getFullReport(maybeActor: Actor | null, articleId: string): Promise<FullReport> {
  const base = await getArticleReport(maybeActor, articleId);
  const [review, aliases] = await Promise.all([loadReview(articleId), loadSpeakerAliases()]);
  const claims: ReportClaim[] = base.claims.map((c, i) => ({ ...c, number: i + 1, flags: flagClaim(c) }));
  // Only the metadata fields: the base report's article object may carry more than ArticleMeta.
  const { id, title, url, publisher, author, publishedAt, createdAt, reviewState } = base.article;
  const sinceApproval =
    review.state === "approved" && review.reviewedAt ? await changesSinceApproval(new Date(review.reviewedAt), [...base.claims, ...base.orphaned], aliases) : [];
  return {
    article: { id, title, url, publisher, author, publishedAt, createdAt, reviewState },
    counts: base.counts,
    total: base.total,
    sourcedShare: base.sourcedShare,
    review,
    summary: summarizeClaims(claims),
    claims,
    unsourced: claims.filter((c) => c.sources.length === 0),
    changed: claims.filter((c) => c.anchorStatus === "changed"),
    orphaned: base.orphaned,
    flagged: claims.filter((c) => c.sources.length > 0 && c.flags.length > 0),
    speakers: groupBySpeaker(claims, aliases),
    aliases,
    sinceApproval,
  };
}

async function loadReview(articleId: string): Promise<ReportReview> {
  const [row] = await queryRows<{ reviewState: string; submittedAt: Date | null; reviewedAt: Date | null; reviewedByName: string | null }>(
    db,
    `SELECT a."reviewState", a."submittedAt", a."reviewedAt", u."name" AS "reviewedByName"
     FROM "Article" a LEFT JOIN "User" u ON u."id" = a."reviewedById" WHERE a."id" = ?`,
    articleId,
  );
  if (!row) throw notFound("Article");
  return {
    state: row.reviewState as ReviewState,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    reviewedBy: row.reviewedByName || null,
  };
}

/**
 * The report as people outside the desk may see it: without the names of the desk's
 * staff, editors' private notes and the machine's tag suggestions.
 */
export function redactReport(report: FullReport): FullReport {
  const redact = <C extends ClaimView>(c: C): C => ({ ...c, taggedBy: null, verdictBy: null, note: null, suggestion: null });
  const claims = report.claims.map(redact);
  const byId = new Map(claims.map((c) => [c.id, c]));
  const same = (list: ReportClaim[]) => list.map((c) => byId.get(c.id) ?? redact(c));
  return {
    ...report,
    review: { ...report.review, reviewedBy: null },
    claims,
    unsourced: same(report.unsourced),
    changed: same(report.changed),
    orphaned: report.orphaned.map(redact),
    flagged: same(report.flagged),
    speakers: report.speakers.map((g) => ({ ...g, claims: same(g.claims) })),
    aliases: [],
    sinceApproval: report.sinceApproval.map((change) => ({ ...change, actor: null })),
  };
}
