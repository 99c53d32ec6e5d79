import "server-only";
import { z } from "zod";
import { type Cell, type Tx, db, insertRows, sortableId } from "@/lib/db";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import { parseInput } from "@/lib/errors";
import { pageNumber } from "@/lib/schemas/common";

export type EventInput = {
  action: string;
  entityType: "article" | "claim" | "source" | "claimSource" | "user" | "apiToken" | "comment" | "shareLink" | "speakerAlias";
  entityId: string;
  articleId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Appends an audit event inside the caller's transaction; events are never edited. */
export async function recordEvent(tx: Tx, actor: Actor, event: EventInput): Promise<void> {
  await recordEvents(tx, actor.id, [event]);
}

const AUDIT_COLUMNS = ["id", "at", "actorId", "action", "entityType", "entityId", "articleId", "before", "after"] as const;

/**
 * Appends many audit events at once (a revision's re-anchored and new claims), inside the
 * caller's transaction. Plain SQL (lib/db.ts insertRows): every write records at least
 * one, and Prisma's create costs about 1 ms of query planning each time. Ids sort in
 * write order (lib/sortable-id.ts), which undo and history rely on.
 */
export async function recordEvents(tx: Tx, actorId: string | null, events: readonly EventInput[], at = new Date()): Promise<void> {
  const rows = events.map((e): Cell[] => [
    sortableId(at.getTime()),
    at,
    actorId,
    e.action,
    e.entityType,
    e.entityId,
    e.articleId ?? null,
    e.before === undefined ? null : JSON.stringify(e.before),
    e.after === undefined ? null : JSON.stringify(e.after),
  ]);
  await insertRows(tx, "AuditEvent", AUDIT_COLUMNS, rows);
}

export type AuditEventView = {
  id: string;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  articleId: string | null;
  before: string | null;
  after: string | null;
};

const listSchema = z.object({
  page: pageNumber(),
  // Matched as a prefix with LIKE, so only the characters of action names (claim.source.add).
  action: z
    .string()
    .trim()
    .toLowerCase()
    .max(100)
    .regex(/^[a-z.-]*$/, "Action must be lower-case letters, dots and hyphens, like claim.tag")
    .optional(),
  articleId: z.string().trim().max(64).optional(),
});

const PAGE_SIZE = 100;

/** The audit log, newest first, for admins; optionally filtered by action prefix or article. */
export async function listAuditEvents(
  maybeActor: Actor | null,
  input: unknown = {},
): Promise<{ events: AuditEventView[]; page: number; pageCount: number }> {
  requirePermission(maybeActor, "audit:read");
  const { page, action, articleId } = parseInput(listSchema, input);
  const where = { ...(action ? { action: { startsWith: action } } : {}), ...(articleId ? { articleId } : {}) };
  const [total, rows] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true, at: true, action: true, entityType: true, entityId: true, articleId: true, before: true, after: true,
        actor: { select: { name: true, email: true } },
      },
    }),
  ]);
  return {
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    events: rows.map(({ actor, at, ...e }) => ({ ...e, at: at.toISOString(), actor: actor ? `${actor.name} <${actor.email}>` : "system (command line)" })),
  };
}
