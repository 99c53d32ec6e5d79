import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";

// recordEvent (lib/data/audit.ts) types its entityType with the foundation's entities only,
// and that module belongs to another part of the app. Comments, share links and speaker
// aliases are entities of their own in the audit log, so this appends the same AuditEvent
// row for them. Fold it into recordEvent once that type lists these entities.

type ReviewEntity = "comment" | "shareLink" | "speakerAlias";

type ReviewEventInput = {
  action: string;
  entityType: ReviewEntity;
  entityId: string;
  articleId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Appends an audit event for a comment, share link or speaker alias inside the caller's transaction. */
export async function recordReviewEvent(tx: Tx, actor: Actor, event: ReviewEventInput): Promise<void> {
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
