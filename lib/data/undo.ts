import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { type Actor, can, requirePermission } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/data/audit";
import { UNDONE } from "@/lib/data/history";
import { assertArticleEditable } from "@/lib/data/editable";
import { spanColumns } from "@/lib/data/claim-spans";
import { assertNoTwin } from "@/lib/data/spans";
import { assertNoTwinLink } from "@/lib/data/sources";
import { hasSpeaker, type ClaimTag } from "@/lib/schemas/claim";
import { publishArticleEvent } from "@/lib/realtime/bus";

// Undo works from the audit log, so it survives reloads and works on any instance: it
// takes the actor's newest change on the article that is not yet undone and applies its
// inverse, but only if nobody changed the same thing since (otherwise it would overwrite
// a colleague). The undo is itself recorded, pointing at the event it undoes.

type Json = Record<string, unknown>;
type Event = { id: string; action: string; entityId: string; before: Json | null; after: Json | null };
type Outcome = { claimIds: string[]; removedIds: string[] };

const UNDOABLE = new Set(Object.keys(UNDONE));

/** The re-read status a span edit of a judged claim replaced (lib/data/spans.ts rereadIfJudged); nothing when it kept it. */
const rereadBack = (before: Record<string, unknown>) =>
  "anchorStatus" in before ? { anchorStatus: String(before.anchorStatus), previousText: typeof before.previousText === "string" ? before.previousText : null } : {};

const changedSince = () =>
  new AppError(
    "conflict",
    "Someone changed this after you, so undoing it would overwrite their work. Change it by hand instead.",
  );

const parse = (s: string | null): Json | null => (s ? (JSON.parse(s) as Json) : null);

/**
 * The actor's newest change on the article that can still be undone; "revision" when a
 * revision was imported since (by anyone): it moved every claim, and undoing a change
 * recorded on the old text would write old offsets over the new one; null when none is left.
 */
async function lastUndoable(tx: Tx, actorId: string, articleId: string): Promise<Event | "revision" | null> {
  const undone = new Set<string>();
  // Read back a page at a time: undoing an "accept all" of thousands of claims leaves
  // thousands of events between the newest one and the change before the batch.
  let cursor: string | null = null;
  for (let page = 0; page < UNDO_PAGES; page++) {
    const rows: { id: string; action: string; entityId: string; before: string | null; after: string | null }[] = await tx.auditEvent.findMany({
      where: { articleId, OR: [{ actorId }, { action: "article.revision" }] },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: UNDO_PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { id: true, action: true, entityId: true, before: true, after: true },
    });
    for (const r of rows) {
      if (r.action === "article.revision") return "revision";
      if (r.action === "undo") {
        const undoes = parse(r.after)?.undoes;
        if (typeof undoes === "string") undone.add(undoes);
        continue;
      }
      // The claims a revision made for its new sentences are part of the revision, not an edit.
      if (r.action === "claim.create" && parse(r.after)?.origin === "revision") return "revision";
      if (UNDOABLE.has(r.action) && !undone.has(r.id)) return { ...r, before: parse(r.before), after: parse(r.after) };
    }
    if (rows.length < UNDO_PAGE) return null;
    cursor = rows[rows.length - 1]!.id;
  }
  return null;
}

/** Events read per page, and pages at most (an article holds at most 10,000 claims). */
const UNDO_PAGE = 500;
const UNDO_PAGES = 100;

/** The claims' own events of an "accept all suggestions" batch, newest first, followed by the batch's event. */
async function batchEvents(tx: Tx, batch: Event): Promise<Event[]> {
  const ids = Array.isArray(batch.after?.eventIds) ? (batch.after.eventIds as string[]) : [];
  const rows = await tx.auditEvent.findMany({
    where: { id: { in: ids } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { id: true, action: true, entityId: true, before: true, after: true },
  });
  return [...rows.map((r) => ({ ...r, before: parse(r.before), after: parse(r.after) })), batch];
}

const UNDO_TWIN = "delete that one first to undo this change";

async function claimState(tx: Tx, id: string) {
  const c = await tx.claim.findUnique({
    where: { id },
    select: {
      id: true,
      articleId: true,
      revisionId: true,
      start: true,
      end: true,
      deletedAt: true,
      tag: true,
      speaker: true,
      cue: true,
      note: true,
      verdict: true,
      verdictRationale: true,
      revision: { select: { text: true } },
    },
  });
  if (!c) throw notFound("Claim");
  return c;
}

const sameSpan = (c: { start: number; end: number }, j: Json | null) => j !== null && c.start === j.start && c.end === j.end;

async function invert(tx: Tx, actor: Actor, event: Event): Promise<Outcome> {
  const before = event.before ?? {};
  const after = event.after ?? {};
  const id = event.entityId;
  switch (event.action) {
    case "claim.update":
    case "claim.accept-suggestion":
    case "claim.verdict": {
      const c = await claimState(tx, id);
      if (c.deletedAt) throw changedSince();
      const fields = Object.keys(after).filter((k) =>
        ["tag", "speaker", "cue", "note", "verdict", "verdictRationale"].includes(k),
      );
      for (const k of fields) if ((c as Record<string, unknown>)[k] !== (after[k] ?? null)) throw changedSince();
      const restore = Object.fromEntries(fields.map((k) => [k, before[k] ?? null]));
      // Only attributed and disputed claims have a speaker and cue (lib/data/claims.ts): a
      // tag put back that has none would keep one a colleague set since, so it waits.
      const tag = ("tag" in restore ? restore.tag : c.tag) as ClaimTag | null;
      const keeps = (k: "speaker" | "cue") => !(k in restore) && c[k] !== null;
      if (!hasSpeaker(tag) && (keeps("speaker") || keeps("cue"))) throw changedSince();
      const clearsTag = "tag" in restore && restore.tag === null;
      await tx.claim.update({
        where: { id },
        data: {
          ...restore,
          ...(clearsTag ? { taggedById: null, taggedAt: null, tagOrigin: null } : {}),
          version: { increment: 1 },
        },
      });
      return { claimIds: [id], removedIds: [] };
    }
    case "claim.create":
    case "claim.restore": {
      const c = await claimState(tx, id);
      if (c.deletedAt) throw changedSince();
      await tx.claim.update({ where: { id }, data: { deletedAt: new Date(), version: { increment: 1 } } });
      return { claimIds: [], removedIds: [id] };
    }
    case "claim.delete": {
      const c = await claimState(tx, id);
      if (!c.deletedAt) throw changedSince();
      // A colleague may have claimed the same text since: undo does not make twins (lib/data/spans.ts).
      await assertNoTwin(tx, { articleId: c.articleId, revisionId: c.revisionId, start: c.start, end: c.end }, id, UNDO_TWIN);
      await tx.claim.update({ where: { id }, data: { deletedAt: null, version: { increment: 1 } } });
      return { claimIds: [id], removedIds: [] };
    }
    case "claim.adjust": {
      const c = await claimState(tx, id);
      if (c.deletedAt || !sameSpan(c, after)) throw changedSince();
      await assertNoTwin(tx, { articleId: c.articleId, revisionId: c.revisionId, start: Number(before.start), end: Number(before.end) }, id, UNDO_TWIN);
      await tx.claim.update({
        where: { id },
        data: {
          ...spanColumns(c.revision.text, { start: Number(before.start), end: Number(before.end) }),
          ...rereadBack(before),
          version: { increment: 1 },
        },
      });
      return { claimIds: [id], removedIds: [] };
    }
    case "claim.split": {
      const c = await claimState(tx, id);
      const second = await claimState(tx, String(after.newClaimId));
      const secondLinks = await tx.claimSource.count({ where: { claimId: second.id } });
      if (
        c.deletedAt ||
        second.deletedAt ||
        !sameSpan(c, after) ||
        second.start !== after.newStart ||
        second.end !== after.newEnd ||
        secondLinks > 0 ||
        second.tag !== null
      ) {
        throw changedSince();
      }
      await tx.claim.update({
        where: { id },
        data: {
          ...spanColumns(c.revision.text, { start: Number(before.start), end: Number(before.end) }),
          ...rereadBack(before),
          version: { increment: 1 },
        },
      });
      await tx.claim.update({ where: { id: second.id }, data: { deletedAt: new Date(), version: { increment: 1 } } });
      return { claimIds: [id], removedIds: [second.id] };
    }
    case "claim.merge": {
      const c = await claimState(tx, id);
      const gone = await claimState(tx, String(before.mergedId));
      if (c.deletedAt || !gone.deletedAt || !sameSpan(c, after)) throw changedSince();
      const ids = (key: string) => (Array.isArray(before[key]) ? (before[key] as string[]) : []);
      await tx.claimSource.updateMany({ where: { id: { in: ids("movedSourceIds") }, claimId: id }, data: { claimId: gone.id } });
      await tx.comment.updateMany({ where: { id: { in: ids("movedCommentIds") }, claimId: id }, data: { claimId: gone.id } });
      await tx.claim.update({
        where: { id },
        data: {
          ...spanColumns(c.revision.text, { start: Number(before.start), end: Number(before.end) }),
          ...(before.inheritedTag
            ? { tag: null, speaker: null, cue: null, taggedById: null, taggedAt: null, tagOrigin: null }
            : {}),
          ...(before.inheritedVerdict ? { verdict: null, verdictRationale: null, verdictById: null, verdictAt: null } : {}),
          // Merges recorded before notes were joined have no "note": the note then stays.
          ...("note" in before ? { note: typeof before.note === "string" ? before.note : null } : {}),
          ...rereadBack(before),
          version: { increment: 1 },
        },
      });
      await tx.claim.update({ where: { id: gone.id }, data: { deletedAt: null, version: { increment: 1 } } });
      return { claimIds: [id, gone.id], removedIds: [] };
    }
    case "claim.source.add": {
      const link = await tx.claimSource.findUnique({ where: { id }, select: { claimId: true } });
      if (!link) throw changedSince();
      await tx.claimSource.delete({ where: { id } });
      return { claimIds: [link.claimId], removedIds: [] };
    }
    case "claim.source.remove": {
      const claimId = String(before.claimId);
      const claim = await tx.claim.findUnique({ where: { id: claimId }, select: { deletedAt: true } });
      // The source by id (removals recorded before ids were kept: by address), followed to
      // the record it was merged into since, as its links were.
      const select = { id: true, mergedIntoId: true } as const;
      let source =
        typeof before.sourceId === "string"
          ? await tx.source.findUnique({ where: { id: before.sourceId }, select })
          : await tx.source.findUnique({ where: { url: String(before.url) }, select });
      for (let hops = 0; source?.mergedIntoId && hops < 10; hops++) source = await tx.source.findUnique({ where: { id: source.mergedIntoId }, select });
      if (!claim || claim.deletedAt || !source || source.mergedIntoId) throw changedSince();
      const link = {
        relation: String(before.relation),
        quote: typeof before.quote === "string" ? before.quote : null,
        locator: typeof before.locator === "string" ? before.locator : null,
      };
      // A colleague may have cited it the same way since: undo does not make the link twice.
      await assertNoTwinLink(tx, claimId, source.id, link);
      await tx.claimSource.create({ data: { claimId, sourceId: source.id, ...link, createdById: actor.id! } });
      return { claimIds: [claimId], removedIds: [] };
    }
    default:
      throw new AppError("validation_failed", `Changes of kind ${event.action} cannot be undone`);
  }
}

/** Undoes the actor's newest change on the article; says what it undid. */
export async function undoLastChange(maybeActor: Actor | null, articleId: string): Promise<{ message: string } & Outcome> {
  const actor = requirePermission(maybeActor, "articles:read");
  if (!can(actor, "articles:write") && !can(actor, "claims:verdict")) requirePermission(actor, "articles:write");
  if (!actor.id) throw new AppError("forbidden", "The command line has nothing to undo");
  const result = await db.$transaction(
    async (tx) => {
      await assertArticleEditable(tx, articleId);
      const event = await lastUndoable(tx, actor.id!, articleId);
      if (event === "revision") {
        throw new AppError("not_found", "A revision was imported since your last change, and changes made before it cannot be undone: change the claims by hand");
      }
      if (!event) throw new AppError("not_found", "You have no change on this article left to undo");
      if (event.action === "claim.verdict") requirePermission(actor, "claims:verdict");
      else requirePermission(actor, "articles:write");
      // "Accept all suggestions" is one step: every claim it tagged, newest first, then the batch itself.
      const steps = event.action === "claims.accept-all" ? await batchEvents(tx, event) : [event];
      const outcome: Outcome = { claimIds: [], removedIds: [] };
      for (const step of steps) {
        const done = step === event && steps.length > 1 ? { claimIds: [], removedIds: [] } : await invert(tx, actor, step);
        outcome.claimIds.push(...done.claimIds);
        outcome.removedIds.push(...done.removedIds);
        await recordEvent(tx, actor, {
          action: "undo",
          entityType: step.action.startsWith("claim.source") ? "claimSource" : step.action === "claims.accept-all" ? "article" : "claim",
          entityId: step.entityId,
          articleId,
          before: step.after,
          after: { ...(step.before ?? {}), undoes: step.id, undoneAction: step.action },
        });
      }
      return { message: `Undid ${UNDONE[event.action] ?? event.action}.`, ...outcome };
    },
    // Accepting every suggestion of a long article is thousands of claims to put back.
    { timeout: 60_000 },
  );
  await publishArticleEvent(articleId, {
    type: "claims",
    claimIds: result.claimIds,
    removedIds: result.removedIds,
    actorId: actor.id,
  });
  return result;
}
