import "server-only";
import { recordEvent } from "@/lib/data/audit";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import { assertArticleEditable } from "@/lib/data/editable";
import { publishArticleEvent } from "@/lib/realtime/bus";
import { cleanTyped } from "@/lib/schemas/common";

// Threaded comments on an article or one of its claims. A thread is a top-level comment
// with its replies; a reply to a reply joins the same thread, so threads stay one level
// deep, as in most review tools. Threads (not single replies) are resolved. Comments on an
// approved article are refused like any other change: it is read-only until reopened.

const id = z.string().trim().min(1).max(64);

export const addCommentSchema = z
  .object({
    articleId: id.optional(),
    claimId: id.optional(),
    parentId: id.optional(),
    body: z
      .string({ error: "Write a comment first" })
      .overwrite((v) => cleanTyped(v, "many").trim())
      .min(1, "Write a comment first")
      .max(5000, "A comment must be at most 5000 characters"),
  })
  .strict()
  .refine((v) => v.articleId ?? v.claimId ?? v.parentId, {
    message: "Name the article, claim or comment this answers",
    path: ["articleId"],
  });

const listCommentsSchema = z
  .object({
    articleId: id.optional(),
    claimId: id.optional(),
    scope: z
      .enum(["article", "all"], { error: `scope must be "article" (the article's own threads) or "all" (its claims' too)` })
      .default("article"),
  })
  .strict()
  .refine((v) => v.articleId ?? v.claimId, { message: "Name the article or the claim whose comments to list", path: ["articleId"] });

const resolveSchema = z.object({ resolved: z.boolean({ error: "resolved must be true or false" }) }).strict();

const countSchema = z.array(id).max(5000);

export type CommentView = {
  id: string;
  claimId: string | null;
  author: string;
  authorRole: string;
  body: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  replies: CommentView[];
};

const commentSelect = {
  id: true,
  claimId: true,
  parentId: true,
  body: true,
  createdAt: true,
  resolvedAt: true,
  author: { select: { name: true, role: true } },
  resolvedBy: { select: { name: true } },
} as const;

type CommentRow = {
  id: string;
  claimId: string | null;
  parentId: string | null;
  body: string;
  createdAt: Date;
  resolvedAt: Date | null;
  author: { name: string; role: string };
  resolvedBy: { name: string } | null;
};

function toView(row: CommentRow): CommentView {
  return {
    id: row.id,
    claimId: row.claimId,
    author: row.author.name,
    authorRole: row.author.role,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolvedBy: row.resolvedBy?.name ?? null,
    replies: [],
  };
}

/** Nests replies under their thread, both in the order they were written. */
export function toThreads(rows: CommentRow[]): CommentView[] {
  const threads = new Map<string, CommentView>();
  const sorted = [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
  for (const row of sorted) if (row.parentId === null) threads.set(row.id, toView(row));
  for (const row of sorted) if (row.parentId !== null) threads.get(row.parentId)?.replies.push(toView(row));
  return [...threads.values()];
}

/** Adds a comment to a claim or an article, or a reply to a thread. */
export async function addComment(maybeActor: Actor | null, input: unknown): Promise<CommentView> {
  const actor = requirePermission(maybeActor, "comments:write");
  const data = parseInput(addCommentSchema, input);
  const authorId = actor.id;
  if (authorId === null) throw new AppError("validation_failed", "The command line cannot leave comments");
  const added = await db.$transaction(async (tx) => {
    let articleId = data.articleId;
    let claimId = data.claimId ?? null;
    let parentId: string | null = null;
    if (data.parentId) {
      const parent = await tx.comment.findUnique({
        where: { id: data.parentId },
        select: { id: true, articleId: true, claimId: true, parentId: true },
      });
      if (!parent) throw notFound("Comment");
      if ((data.articleId && data.articleId !== parent.articleId) || (data.claimId && data.claimId !== parent.claimId)) {
        throw new AppError("validation_failed", "A reply belongs to the thread it answers", {
          fields: { parentId: ["This comment is on another article or claim"] },
        });
      }
      parentId = parent.parentId ?? parent.id;
      articleId = parent.articleId;
      claimId = parent.claimId;
    } else if (claimId) {
      const claim = await tx.claim.findFirst({ where: { id: claimId, deletedAt: null }, select: { articleId: true } });
      if (!claim || (data.articleId && data.articleId !== claim.articleId)) throw notFound("Claim");
      articleId = claim.articleId;
    }
    if (!articleId) throw notFound("Article");
    await assertArticleEditable(tx, articleId);
    const row = await tx.comment.create({
      data: { articleId, claimId, parentId, authorId, body: data.body },
      select: commentSelect,
    });
    await recordEvent(tx, actor, {
      action: parentId ? "comment.reply" : "comment.add",
      entityType: "comment",
      entityId: row.id,
      articleId,
      after: { claimId, parentId, body: data.body },
    });
    return { view: toView(row), articleId };
  });
  // Open annotate pages reload (components/annotate/use-article-events.ts).
  await publishArticleEvent(added.articleId, { type: "comments", claimId: added.view.claimId, actorId: actor.id });
  return added.view;
}

/**
 * The comment threads of one claim, or of an article: its article-level threads
 * (scope "article", the default) or every thread including its claims' (scope "all").
 */
export async function listComments(maybeActor: Actor | null, input: unknown): Promise<CommentView[]> {
  requirePermission(maybeActor, "articles:read");
  const query = parseInput(listCommentsSchema, input);
  // An unknown claim or article is a 404, not an empty list; a claim asked for under an
  // article must be one of its claims.
  if (query.claimId) {
    const claim = await db.claim.findUnique({ where: { id: query.claimId }, select: { articleId: true } });
    if (!claim || (query.articleId && claim.articleId !== query.articleId)) throw notFound("Claim");
  } else if (!(await db.article.findUnique({ where: { id: query.articleId! }, select: { id: true } }))) {
    throw notFound("Article");
  }
  const where = query.claimId
    ? { claimId: query.claimId }
    : query.scope === "article"
      ? { articleId: query.articleId, claimId: null }
      : { articleId: query.articleId };
  const rows = await db.comment.findMany({
    where,
    select: commentSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 5000,
  });
  return toThreads(rows);
}

/** Marks a thread resolved, or open again. */
export async function resolveComment(maybeActor: Actor | null, commentId: string, input: unknown): Promise<CommentView> {
  const actor = requirePermission(maybeActor, "comments:write");
  const { resolved } = parseInput(resolveSchema, input);
  const done = await db.$transaction(async (tx) => {
    const comment = await tx.comment.findUnique({
      where: { id: commentId },
      select: { articleId: true, parentId: true, resolvedAt: true },
    });
    if (!comment) throw notFound("Comment");
    if (comment.parentId !== null) throw new AppError("validation_failed", "Resolve the thread, not one of its replies");
    await assertArticleEditable(tx, comment.articleId);
    const now = new Date();
    await tx.comment.update({
      where: { id: commentId },
      data: resolved
        ? { resolvedAt: comment.resolvedAt ?? now, resolvedById: actor.id }
        : { resolvedAt: null, resolvedById: null },
    });
    if (resolved !== (comment.resolvedAt !== null)) {
      await recordEvent(tx, actor, {
        action: resolved ? "comment.resolve" : "comment.reopen",
        entityType: "comment",
        entityId: commentId,
        articleId: comment.articleId,
        before: { resolved: comment.resolvedAt !== null },
        after: { resolved },
      });
    }
    const rows = await tx.comment.findMany({
      where: { OR: [{ id: commentId }, { parentId: commentId }] },
      select: commentSelect,
    });
    const thread = toThreads(rows)[0];
    if (!thread) throw notFound("Comment");
    return { thread, articleId: comment.articleId };
  });
  await publishArticleEvent(done.articleId, { type: "comments", claimId: done.thread.claimId, actorId: actor.id });
  return done.thread;
}

export type CommentCounts = Record<string, { threads: number; open: number }>;

/** How many comment threads each claim has, and how many are unresolved (claims without any are left out). */
export async function countClaimComments(maybeActor: Actor | null, claimIds: unknown): Promise<CommentCounts> {
  requirePermission(maybeActor, "articles:read");
  const ids = parseInput(countSchema, claimIds);
  if (ids.length === 0) return {};
  const [all, open] = await Promise.all([
    db.comment.groupBy({ by: ["claimId"], where: { claimId: { in: ids }, parentId: null }, _count: { _all: true } }),
    db.comment.groupBy({
      by: ["claimId"],
      where: { claimId: { in: ids }, parentId: null, resolvedAt: null },
      _count: { _all: true },
    }),
  ]);
  const counts: CommentCounts = {};
  for (const g of all) if (g.claimId) counts[g.claimId] = { threads: g._count._all, open: 0 };
  for (const g of open) if (g.claimId && counts[g.claimId]) counts[g.claimId]!.open = g._count._all;
  return counts;
}
