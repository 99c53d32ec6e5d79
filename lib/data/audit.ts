import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";

type EventInput = {
  action: string;
  entityType: "article" | "claim" | "source" | "claimSource" | "user" | "apiToken";
  entityId: string;
  articleId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Appends an audit event inside the caller's transaction; events are never edited. */
export async function recordEvent(tx: Tx, actor: Actor, event: EventInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: actor.id,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      articleId: event.articleId ?? null,
      before: event.before === undefined ? null : JSON.stringify(event.before),
      after: event.after === undefined ? null : JSON.stringify(event.after),
    },
  });
}
