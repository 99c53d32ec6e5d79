import "server-only";
import { db } from "@/lib/db";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import { publishArticleEvent } from "@/lib/realtime/bus";

/** Someone whose heartbeat is older than this has left. */
const STALE_MS = 60_000;

export type PresenceView = { userId: string; name: string; role: string };

/** Records that the actor has the article open (a heartbeat), telling others when they arrive. */
export async function touchPresence(maybeActor: Actor | null, articleId: string): Promise<void> {
  const actor = requirePermission(maybeActor, "articles:read");
  if (!actor.id) return;
  const now = new Date();
  const before = await db.presence.findUnique({
    where: { articleId_userId: { articleId, userId: actor.id } },
    select: { seenAt: true },
  });
  await db.presence.upsert({
    where: { articleId_userId: { articleId, userId: actor.id } },
    create: { articleId, userId: actor.id, seenAt: now },
    update: { seenAt: now },
  });
  if (!before || now.getTime() - before.seenAt.getTime() > STALE_MS) await publishArticleEvent(articleId, { type: "presence" });
}

/** Records that the actor closed the article. */
export async function leavePresence(actor: Actor, articleId: string): Promise<void> {
  if (!actor.id) return;
  await db.presence.deleteMany({ where: { articleId, userId: actor.id } });
  await publishArticleEvent(articleId, { type: "presence" });
}

/** Everyone with the article open now. */
export async function listPresence(maybeActor: Actor | null, articleId: string): Promise<PresenceView[]> {
  requirePermission(maybeActor, "articles:read");
  const rows = await db.presence.findMany({
    where: { articleId, seenAt: { gt: new Date(Date.now() - STALE_MS) } },
    select: { user: { select: { id: true, name: true, role: true } } },
    orderBy: { seenAt: "asc" },
  });
  return rows.map((r) => ({ userId: r.user.id, name: r.user.name, role: r.user.role }));
}
