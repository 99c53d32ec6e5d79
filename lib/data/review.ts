import "server-only";
import { CURRENT_CLAIM } from "@/lib/data/views";
import { z } from "zod";
import { type Tx, db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { type Actor, type Permission, can, requirePermission } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/data/audit";
import { publishArticleEvent } from "@/lib/realtime/bus";
import type { ReviewState } from "@/lib/export/types";

// The review workflow: draft → in_review → approved, or in_review → changes_requested,
// which is a draft again with the reviewer's reasons attached. An approved article is
// read-only (lib/data/editable.ts) until a reviewer reopens it. Each transition is one
// conditional UPDATE, so two people deciding at once cannot both win, and one AuditEvent
// with who and when.
//
// Approval is a second person's check of finished work, so it is refused while any claim
// is untagged or was changed (by a revision, or a span edit under a verdict) and not re-read (the editor must finish
// first), and to whoever submitted the article (assertApprovable below). Orphaned claims
// do not block it: the report lists them apart.

export const REVIEW_ACTIONS = ["submit", "approve", "request_changes", "reopen"] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

type Transition = { from: readonly ReviewState[]; to: ReviewState; permission: Permission; event: string };

const TRANSITIONS: Record<ReviewAction, Transition> = {
  submit: { from: ["draft", "changes_requested"], to: "in_review", permission: "articles:write", event: "article.submit" },
  approve: { from: ["in_review"], to: "approved", permission: "review:decide", event: "article.approve" },
  request_changes: {
    from: ["in_review"],
    to: "changes_requested",
    permission: "review:decide",
    event: "article.request-changes",
  },
  reopen: { from: ["approved"], to: "draft", permission: "review:decide", event: "article.reopen" },
};

/** Audit actions of the workflow, mapped back to the transition that wrote them. */
export const REVIEW_EVENT_ACTIONS: Record<string, ReviewAction> = Object.fromEntries(
  REVIEW_ACTIONS.map((a) => [TRANSITIONS[a].event, a]),
);

const STATE_WORDS: Record<ReviewState, string> = {
  draft: "a draft",
  in_review: "in review",
  approved: "approved",
  changes_requested: "back with changes requested",
};

export const transitionSchema = z
  .object({
    action: z.enum(REVIEW_ACTIONS, { error: () => `action must be one of ${REVIEW_ACTIONS.join(", ")}` }),
    comment: z.preprocess(
      (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim()) : v),
      z.string().max(5000, "Comment must be at most 5000 characters").optional(),
    ),
  })
  .strict()
  .refine((v) => v.action !== "request_changes" || v.comment !== undefined, {
    message: "Say what needs to change",
    path: ["comment"],
  });

export type ReviewHistoryEntry = { at: string; actor: string | null; action: ReviewAction; comment: string | null };

export type ReviewStatus = {
  articleId: string;
  state: ReviewState;
  submittedAt: string | null;
  reviewedAt: string | null;
  reviewedBy: string | null;
  history: ReviewHistoryEntry[];
  /** The transitions this actor may make from the current state. */
  allowed: ReviewAction[];
  /** Unresolved comment threads on the article and its claims. */
  openComments: number;
  /**
   * What stops approval now, in words, for this actor: unfinished claims, and having
   * submitted the article oneself. Empty when nothing does. While it is not empty,
   * `allowed` has no "approve".
   */
  blockers: string[];
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The claims that must be finished before approval: untagged, or changed and not re-read. */
async function unfinishedClaims(client: Tx, articleId: string): Promise<string[]> {
  const [untagged, changed] = await Promise.all([
    client.claim.count({ where: { articleId, ...CURRENT_CLAIM, tag: null } }),
    client.claim.count({ where: { articleId, deletedAt: null, anchorStatus: "changed" } }),
  ]);
  return [
    ...(untagged > 0 ? [`${plural(untagged, "claim is", "claims are")} not tagged`] : []),
    ...(changed > 0 ? [`${plural(changed, "claim was", "claims were")} changed (by a revision, or a span edit under a verdict) and not re-read`] : []),
  ];
}

const SELF_APPROVAL = "You submitted this article, so someone else must approve it";

/** Whether this actor may not approve what they submitted: everyone but the command line, unless CLAIMTRACK_SELF_APPROVAL=1 (a desk of one). */
function isSelfApprovalRefused(actor: Actor): boolean {
  return actor.id !== null && env.CLAIMTRACK_SELF_APPROVAL !== "1";
}

/** Who last submitted the article (null for the command line, or never). */
async function submitterOf(client: Tx, articleId: string): Promise<string | null> {
  const event = await client.auditEvent.findFirst({
    where: { articleId, entityType: "article", action: TRANSITIONS.submit.event },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { actorId: true },
  });
  return event?.actorId ?? null;
}

/** Moves an article through the review workflow (submit, approve, request changes, reopen). */
export async function transitionArticle(maybeActor: Actor | null, articleId: string, input: unknown): Promise<ReviewStatus> {
  const reader = requirePermission(maybeActor, "articles:read");
  const { action, comment } = parseInput(transitionSchema, input);
  const step = TRANSITIONS[action];
  const actor = requirePermission(reader, step.permission);
  if (comment !== undefined && actor.id === null)
    throw new AppError("validation_failed", "The command line cannot leave comments");
  const now = new Date();
  await db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId }, select: { reviewState: true } });
    if (!article) throw notFound("Article");
    const state = article.reviewState as ReviewState;
    if (action === "approve" && step.from.includes(state)) await assertApprovable(tx, actor, articleId);
    const moved = step.from.includes(state)
      ? await tx.article.updateMany({
          where: { id: articleId, reviewState: { in: [...step.from] } },
          data: {
            reviewState: step.to,
            ...(action === "submit" ? { submittedAt: now } : {}),
            ...(action === "approve" || action === "request_changes" ? { reviewedAt: now, reviewedById: actor.id } : {}),
            ...(action === "reopen" ? { submittedAt: null, reviewedAt: null, reviewedById: null } : {}),
          },
        })
      : { count: 0 };
    if (moved.count === 0) {
      const current =
        (await tx.article.findUnique({ where: { id: articleId }, select: { reviewState: true } }))?.reviewState ?? state;
      throw new AppError(
        "conflict",
        `This article is ${STATE_WORDS[current as ReviewState]}, so it cannot be ${PAST[action]} now`,
        {
          details: { reviewState: current },
        },
      );
    }
    let commentId: string | null = null;
    if (comment !== undefined && actor.id !== null) {
      // A word given with an approval asks nothing of anyone, and an approved article takes
      // no replies: it is recorded as a thread already resolved, not left open for good.
      const resolved = action === "approve" ? { resolvedAt: now, resolvedById: actor.id } : {};
      const data = { articleId, authorId: actor.id, body: comment, createdAt: now, ...resolved };
      commentId = (await tx.comment.create({ data, select: { id: true } })).id;
    }
    await recordEvent(tx, actor, {
      action: step.event,
      entityType: "article",
      entityId: articleId,
      articleId,
      before: { reviewState: state },
      after: { reviewState: step.to, ...(commentId ? { comment, commentId } : {}) },
    });
  });
  // Open annotate pages reload the article's state (components/annotate/use-article-events.ts).
  await publishArticleEvent(articleId, { type: "review", actorId: actor.id });
  return getReviewStatus(actor, articleId);
}

/** Refuses approval by the article's submitter (403) or of unfinished claims (409, each reason named). */
async function assertApprovable(tx: Tx, actor: Actor, articleId: string): Promise<void> {
  if (isSelfApprovalRefused(actor) && (await submitterOf(tx, articleId)) === actor.id) throw new AppError("forbidden", SELF_APPROVAL);
  const unfinished = await unfinishedClaims(tx, articleId);
  if (unfinished.length > 0) {
    throw new AppError("conflict", `This article cannot be approved yet: ${unfinished.join("; ")}`, {
      details: { blockers: unfinished },
    });
  }
}

const PAST: Record<ReviewAction, string> = {
  submit: "submitted",
  approve: "approved",
  request_changes: "sent back",
  reopen: "reopened",
};

/** The article's review state, its transitions so far, and what this actor may do next. */
export async function getReviewStatus(maybeActor: Actor | null, articleId: string): Promise<ReviewStatus> {
  const actor = requirePermission(maybeActor, "articles:read");
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { reviewState: true, submittedAt: true, reviewedAt: true, reviewedBy: { select: { name: true } } },
  });
  if (!article) throw notFound("Article");
  const state = article.reviewState as ReviewState;
  const [events, openComments, unfinished] = await Promise.all([
    db.auditEvent.findMany({
      where: { articleId, entityType: "article", action: { in: Object.keys(REVIEW_EVENT_ACTIONS) } },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { at: true, action: true, after: true, actorId: true, actor: { select: { name: true } } },
    }),
    db.comment.count({ where: { articleId, parentId: null, resolvedAt: null } }),
    state === "approved" ? [] : unfinishedClaims(db, articleId),
  ]);
  const submitterId = events.findLast((e) => e.action === TRANSITIONS.submit.event)?.actorId ?? null;
  const canDecide = can(actor, TRANSITIONS.approve.permission);
  const blockers = [...unfinished, ...(state === "in_review" && canDecide && isSelfApprovalRefused(actor) && submitterId === actor.id ? [SELF_APPROVAL] : [])];
  return {
    articleId,
    state,
    submittedAt: article.submittedAt?.toISOString() ?? null,
    reviewedAt: article.reviewedAt?.toISOString() ?? null,
    reviewedBy: article.reviewedBy?.name ?? null,
    history: events.map((e) => ({
      at: e.at.toISOString(),
      actor: e.actor?.name ?? null,
      action: REVIEW_EVENT_ACTIONS[e.action] ?? "submit",
      comment: commentOf(e.after),
    })),
    allowed: REVIEW_ACTIONS.filter(
      (a) => TRANSITIONS[a].from.includes(state) && can(actor, TRANSITIONS[a].permission) && (a !== "approve" || blockers.length === 0),
    ),
    openComments,
    blockers,
  };
}

function commentOf(after: string | null): string | null {
  if (!after) return null;
  const parsed = z.object({ comment: z.string().optional() }).safeParse(JSON.parse(after));
  return parsed.success ? (parsed.data.comment ?? null) : null;
}

export type ReviewQueueItem = {
  id: string;
  title: string;
  publisher: string | null;
  submittedAt: string | null;
  submittedBy: string | null;
  claims: number;
  openComments: number;
};

const QUEUE_LIMIT = 500;

/** Articles waiting for review, the longest waiting first, for reviewers. */
export async function listReviewQueue(maybeActor: Actor | null): Promise<ReviewQueueItem[]> {
  requirePermission(maybeActor, "review:decide");
  const articles = await db.article.findMany({
    where: { reviewState: "in_review" },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: QUEUE_LIMIT,
    select: { id: true, title: true, publisher: true, submittedAt: true },
  });
  const ids = articles.map((a) => a.id);
  const [claims, comments, submissions] = await Promise.all([
    db.claim.groupBy({ by: ["articleId"], where: { articleId: { in: ids }, ...CURRENT_CLAIM }, _count: { _all: true } }),
    db.comment.groupBy({
      by: ["articleId"],
      where: { articleId: { in: ids }, parentId: null, resolvedAt: null },
      _count: { _all: true },
    }),
    db.auditEvent.findMany({
      where: { articleId: { in: ids }, action: TRANSITIONS.submit.event },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      select: { articleId: true, actor: { select: { name: true } } },
    }),
  ]);
  const claimCount = new Map(claims.map((g) => [g.articleId, g._count._all]));
  const commentCount = new Map(comments.map((g) => [g.articleId, g._count._all]));
  const submitter = new Map<string, string | null>();
  for (const s of submissions) if (s.articleId && !submitter.has(s.articleId)) submitter.set(s.articleId, s.actor?.name ?? null);
  return articles.map((a) => ({
    id: a.id,
    title: a.title,
    publisher: a.publisher,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    submittedBy: submitter.get(a.id) ?? null,
    claims: claimCount.get(a.id) ?? 0,
    openComments: commentCount.get(a.id) ?? 0,
  }));
}
