import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { type Actor, requirePermission } from "@/lib/auth/roles";

export type HistoryEntry = {
  id: string;
  at: string;
  actor: string;
  action: string;
  /** A sentence for the activity feed, e.g. "tagged a claim Disputed". */
  summary: string;
  claimId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

type Row = {
  id: string;
  at: Date;
  action: string;
  entityId: string;
  entityType: string;
  before: string | null;
  after: string | null;
  actor: { name: string } | null;
};

const parse = (s: string | null) => (s ? (JSON.parse(s) as Record<string, unknown>) : null);

/** A readable sentence for an audit event. */
export function summarize(action: string, after: Record<string, unknown> | null): string {
  const a = after ?? {};
  switch (action) {
    case "claim.update": {
      const parts = Object.entries(a).map(([k, v]) =>
        k === "tag" ? (v ? `tagged it ${String(v)}` : "cleared its tag") : `set ${k} to “${String(v ?? "")}”`,
      );
      return parts.join(", ") || "changed a claim";
    }
    case "claim.accept-suggestion":
      return `accepted the suggestion (${String(a.tag ?? "")})`;
    case "claims.accept-all":
      return `accepted every suggestion of ${Math.round(Number(a.minConfidence ?? 0) * 100)}% confidence or more (${Array.isArray(a.claimIds) ? a.claimIds.length : 0} claims)`;
    case "claim.verdict":
      return `gave the verdict ${String(a.verdict ?? "none")}`;
    case "claim.create":
      return a.origin === "revision" ? "found a new sentence in the revision" : "created a claim";
    case "claim.split":
      return "split a claim in two";
    case "claim.merge":
      return "merged two claims";
    case "claim.adjust":
      return "moved a claim's boundaries";
    case "claim.delete":
      return "deleted a claim";
    case "claim.restore":
      return "restored a deleted claim";
    case "claim.source.add":
      return `added a source (${String(a.relation ?? "")}: ${String(a.url ?? "")})`;
    case "claim.source.remove":
      return "removed a source";
    case "claim.reanchor":
      return `re-anchored on revision ${String(a.revision ?? "")}: ${String(a.status ?? "")}`;
    case "article.import":
      return `imported the article (${String(a.claims ?? "?")} claims)`;
    case "article.revision":
      return `imported revision ${String(a.revision ?? "")}: ${String(a.anchored ?? 0)} anchored, ${String(a.changed ?? 0)} changed, ${String(a.orphaned ?? 0)} orphaned, ${String(a.new ?? 0)} new`;
    case "undo":
      return `undid ${UNDONE[String(a.undoneAction)] ?? "a change"}`;
    default:
      return OTHER_ACTIONS[action] ?? action.replace(/[.-]/g, " ");
  }
}

/** The changes undo can take back, as the feed and undo's message say them ("undid adding a source"). */
export const UNDONE: Record<string, string> = {
  "claim.update": "a change to a claim",
  "claim.accept-suggestion": "accepting a suggestion",
  "claim.verdict": "a verdict",
  "claim.create": "creating a claim",
  "claim.delete": "deleting a claim",
  "claim.restore": "restoring a claim",
  "claim.adjust": "moving a claim's boundaries",
  "claim.split": "splitting a claim",
  "claim.merge": "merging two claims",
  "claim.source.add": "adding a source",
  "claim.source.remove": "removing a source",
  "claims.accept-all": "accepting all suggestions",
};

/** Sentences for the feed's other events. */
const OTHER_ACTIONS: Record<string, string> = {
  "article.submit": "submitted the article for review",
  "article.approve": "approved the article",
  "article.request-changes": "asked for changes",
  "article.reopen": "reopened the article",
  "article.snapshot": "kept a snapshot of the article's page",
  "comment.add": "commented",
  "comment.reply": "replied to a comment",
  "comment.resolve": "resolved a comment thread",
  "comment.reopen": "reopened a comment thread",
  "share.create": "created a share link",
  "share.revoke": "revoked a share link",
  "speaker.group": "grouped two speaker names",
  "speaker.ungroup": "ungrouped a speaker name",
};

function toEntry(r: Row): HistoryEntry {
  const before = parse(r.before);
  const after = parse(r.after);
  // A source link's events name their claim in after (adding) or before (removing, and
  // undoing an addition, whose after only says what it undid).
  const linkedClaim = after?.claimId ?? before?.claimId;
  const claimId = r.entityType === "claim" ? r.entityId : typeof linkedClaim === "string" ? linkedClaim : null;
  return {
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actor?.name ?? "System",
    action: r.action,
    summary: summarize(r.action, after),
    claimId,
    before,
    after,
  };
}

const select = {
  id: true,
  at: true,
  action: true,
  entityId: true,
  entityType: true,
  before: true,
  after: true,
  actor: { select: { name: true } },
} as const;

/** Everything that happened to one claim and its sources, oldest first. */
export async function getClaimHistory(maybeActor: Actor | null, claimId: string): Promise<HistoryEntry[]> {
  requirePermission(maybeActor, "articles:read");
  const claim = await db.claim.findUnique({ where: { id: claimId }, select: { articleId: true } });
  if (!claim) throw notFound("Claim");
  const rows = await db.auditEvent.findMany({
    where: { articleId: claim.articleId, OR: [{ entityId: claimId }, { entityType: "claimSource" }, { action: { in: ["claim.split", "claim.merge"] } }] },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select,
  });
  return rows
    .map(toEntry)
    .filter(
      (e) =>
        e.claimId === claimId ||
        (e.action === "claim.split" && e.after?.newClaimId === claimId) ||
        (e.action === "claim.merge" && e.before?.mergedId === claimId),
    );
}

/** The article's activity feed, newest first (re-anchoring records are summarised by their revision). */
export async function getArticleActivity(maybeActor: Actor | null, articleId: string, limit = 100): Promise<HistoryEntry[]> {
  requirePermission(maybeActor, "articles:read");
  const rows = await db.auditEvent.findMany({
    where: { articleId, action: { not: "claim.reanchor" } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(1, limit), 500),
    select,
  });
  return rows.map(toEntry);
}
