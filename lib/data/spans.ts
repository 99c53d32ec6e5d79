import "server-only";
import crypto from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/data/audit";
import { assertArticleEditable } from "@/lib/data/editable";
import { spanColumns } from "@/lib/data/claim-spans";
import { publishArticleEvent } from "@/lib/realtime/bus";
import { mergeSpans, splitSpan, validateSpan } from "@/lib/claims/span-edit";
import { reanchorClaims } from "@/lib/claims/anchor";
import { adjustClaimSchema, createClaimSchema, deleteClaimSchema, mergeClaimsSchema, splitClaimSchema } from "@/lib/schemas/span";
import type { ClaimView } from "@/lib/data/views";
import { selectClaimRows } from "@/lib/data/claim-rows";
import { linkKey, repeatedLinks } from "@/lib/sources/link-key";
import { claimViews, toClaimViews } from "@/lib/data/claim-views";

// Span editing: create, split, merge, adjust, delete and restore claims. Every edit keeps
// exact offsets into the claim's revision (validated with lib/claims/span-edit.ts, the
// same rules the page applies), checks the versions the editor read, is recorded with
// its before and after, and is announced to everyone else on the article.

type Loaded = {
  id: string;
  articleId: string;
  revisionId: string;
  start: number;
  end: number;
  text: string;
  version: number;
  verdict: string | null;
  anchorStatus: string;
  previousText: string | null;
};

async function loadClaim(tx: Tx, claimId: string, version: number | null): Promise<Loaded & { revisionText: string }> {
  const claim = await tx.claim.findFirst({
    where: { id: claimId, deletedAt: null },
    select: {
      id: true,
      articleId: true,
      revisionId: true,
      start: true,
      end: true,
      text: true,
      version: true,
      verdict: true,
      anchorStatus: true,
      previousText: true,
      revision: { select: { text: true } },
    },
  });
  if (!claim) throw notFound("Claim");
  await assertArticleEditable(tx, claim.articleId);
  if (version !== null && claim.version !== version) {
    throw new AppError(
      "conflict",
      `This claim was changed by someone else (you had version ${version}, it is now ${claim.version}); reload it and try again`,
    );
  }
  const { revision, ...rest } = claim;
  return { ...rest, revisionText: revision.text };
}

function refuseEdit(error: string): never {
  throw new AppError("validation_failed", error);
}

const spanOf = (c: { start: number; end: number; text: string }) => ({ start: c.start, end: c.end, text: c.text });

type Judged = { verdict: string | null; anchorStatus: string; previousText: string | null };

/**
 * A verdict judges a claim's exact words. When a span edit changes them, the claim waits
 * to be re-read, as after a revision: status "changed", with the words that were judged
 * as its previous text (the first such words, if it was already waiting), so the report
 * lists it, approval waits for it and ClaimReview leaves its verdict out. A span moved
 * back onto the words it used to read needs no re-read. `was` goes into the event's
 * before, for undo to put back.
 */
function rereadIfJudged(claim: Judged, judged: string, now: string): { set: Partial<Judged>; was: Partial<Judged> } {
  const was = { anchorStatus: claim.anchorStatus, previousText: claim.previousText };
  // Back to the very words it used to read: nothing is left to re-read.
  if (claim.anchorStatus === "changed" && now === claim.previousText) return { set: { anchorStatus: "anchored", previousText: null }, was };
  if (claim.verdict === null || judged === now) return { set: {}, was: {} };
  return { set: { anchorStatus: "changed", previousText: claim.anchorStatus === "changed" ? claim.previousText : judged }, was };
}

/**
 * Refuses a span that another current claim already covers exactly: two claims on the
 * same text would be tagged, sourced and counted twice in the report. Overlapping and
 * nested claims stay allowed (a quote inside a sentence is its own claim).
 */
export async function assertNoTwin(
  tx: Tx,
  at: { articleId: string; revisionId: string; start: number; end: number },
  exceptId: string | null = null,
  advice = "tag or adjust that one instead",
) {
  const twin = await tx.claim.findFirst({
    where: { ...at, deletedAt: null, anchorStatus: { not: "orphaned" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (twin) {
    throw new AppError("conflict", `Another claim already covers exactly this text: ${advice}`, {
      details: { claimId: twin.id },
    });
  }
}


/** Creates a claim from a span of the article's current revision (e.g. a selection). */
export async function createClaim(maybeActor: Actor | null, articleId: string, input: unknown): Promise<ClaimView> {
  const actor = requirePermission(maybeActor, "articles:write");
  const span = parseInput(createClaimSchema, input);
  const id = await db.$transaction(async (tx) => {
    await assertArticleEditable(tx, articleId);
    const revision = await tx.articleRevision.findFirst({
      where: { articleId },
      orderBy: { number: "desc" },
      select: { id: true, text: true },
    });
    if (!revision) throw notFound("Article");
    const invalid = validateSpan(revision.text, span);
    if (invalid) refuseEdit(invalid);
    await assertNoTwin(tx, { articleId, revisionId: revision.id, start: span.start, end: span.end });
    const claim = await tx.claim.create({
      // Ids like an import's (lib/data/claim-spans.ts), so every claim's id looks alike.
      data: { id: crypto.randomUUID(), articleId, revisionId: revision.id, createdById: actor.id, ...spanColumns(revision.text, span) },
      select: { id: true, start: true, end: true, text: true },
    });
    await recordEvent(tx, actor, {
      action: "claim.create",
      entityType: "claim",
      entityId: claim.id,
      articleId,
      after: spanOf(claim),
    });
    return claim.id;
  });
  await publishArticleEvent(articleId, { type: "claims", claimIds: [id], removedIds: [], actorId: actor.id });
  return (await claimViews(actor, [id]))[0]!;
}

/** Splits a claim at an offset into two claims; the first keeps the tag, sources and note. */
export async function splitClaim(maybeActor: Actor | null, claimId: string, input: unknown): Promise<ClaimView[]> {
  const actor = requirePermission(maybeActor, "articles:write");
  const { at, version } = parseInput(splitClaimSchema, input);
  const { articleId, ids } = await db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, claimId, version);
    const result = splitSpan(claim.revisionText, claim, at);
    if (!result.ok) refuseEdit(result.error);
    const [left, right] = result.value;
    for (const half of [left, right]) await assertNoTwin(tx, { articleId: claim.articleId, revisionId: claim.revisionId, ...half }, claimId);
    const leftColumns = spanColumns(claim.revisionText, left);
    const reread = rereadIfJudged(claim, claim.text, leftColumns.text);
    await tx.claim.update({
      where: { id: claimId },
      data: { ...leftColumns, ...reread.set, version: { increment: 1 } },
    });
    const second = await tx.claim.create({
      data: {
        id: crypto.randomUUID(),
        articleId: claim.articleId,
        revisionId: claim.revisionId,
        createdById: actor.id,
        ...spanColumns(claim.revisionText, right),
      },
      select: { id: true },
    });
    const after = {
      ...spanOf({ ...left, text: claim.revisionText.slice(left.start, left.end) }),
      newClaimId: second.id,
      newStart: right.start,
      newEnd: right.end,
    };
    await recordEvent(tx, actor, {
      action: "claim.split",
      entityType: "claim",
      entityId: claimId,
      articleId: claim.articleId,
      before: { ...spanOf(claim), ...reread.was },
      after,
    });
    return { articleId: claim.articleId, ids: [claimId, second.id] };
  });
  await publishArticleEvent(articleId, { type: "claims", claimIds: ids, removedIds: [], actorId: actor.id });
  return claimViews(actor, ids);
}

/**
 * Merges two adjacent or overlapping claims: the first (in text order) grows to cover both
 * and takes the other's sources (and its tag if it had none); the other is deleted, with
 * a trace, and can be restored by undoing the merge.
 */
export async function mergeClaims(maybeActor: Actor | null, input: unknown): Promise<ClaimView> {
  const actor = requirePermission(maybeActor, "articles:write");
  const { claimIds, versions } = parseInput(mergeClaimsSchema, input);
  if (claimIds[0] === claimIds[1]) refuseEdit("Choose two different claims to merge.");
  const { articleId, keptId, goneId } = await db.$transaction(async (tx) => {
    const a = await loadClaim(tx, claimIds[0], versions[0]);
    const b = await loadClaim(tx, claimIds[1], versions[1]);
    if (a.revisionId !== b.revisionId) refuseEdit("Only claims of the same revision can be merged.");
    const result = mergeSpans(a.revisionText, a, b);
    if (!result.ok) refuseEdit(result.error);
    const [kept, gone] = a.start <= b.start ? [a, b] : [b, a];
    const keptRow = await tx.claim.findUniqueOrThrow({ where: { id: kept.id }, select: { tag: true, speaker: true, cue: true, note: true, verdict: true } });
    const goneRow = await tx.claim.findUniqueOrThrow({
      where: { id: gone.id },
      select: {
        tag: true,
        speaker: true,
        cue: true,
        taggedById: true,
        taggedAt: true,
        tagOrigin: true,
        note: true,
        verdict: true,
        verdictRationale: true,
        verdictById: true,
        verdictAt: true,
      },
    });
    // Nothing of the merged-away claim is dropped: its sources and comment threads move,
    // its tag and verdict come along where the kept claim has none, and its note is added.
    // A source link the kept claim already has (the same source, relation, quote and
    // locator: linkKey) stays behind with the merged-away claim, which is deleted, so the
    // merged claim cites it once and undo finds it where it was.
    if (keptRow.verdict !== null && goneRow.verdict !== null) {
      refuseEdit("Both claims have a verdict: clear one of them first, so that no verdict is lost in the merge.");
    }
    const linkSelect = { id: true, sourceId: true, relation: true, quote: true, locator: true } as const;
    const [keptLinks, goneLinks] = await Promise.all([
      tx.claimSource.findMany({ where: { claimId: kept.id }, select: linkSelect }),
      tx.claimSource.findMany({ where: { claimId: gone.id }, select: linkSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    ]);
    const twins = repeatedLinks([...keptLinks, ...goneLinks], (l) => `${l.sourceId} ${linkKey(l)}`);
    const moved = goneLinks.filter((l) => !twins.has(l));
    const stay = goneLinks.filter((l) => twins.has(l));
    await tx.claimSource.updateMany({ where: { id: { in: moved.map((m) => m.id) } }, data: { claimId: kept.id } });
    const movedComments = await tx.comment.findMany({ where: { claimId: gone.id }, select: { id: true } });
    await tx.comment.updateMany({ where: { claimId: gone.id }, data: { claimId: kept.id } });
    const inheritTag = keptRow.tag === null && goneRow.tag !== null;
    const inheritVerdict = keptRow.verdict === null && goneRow.verdict !== null;
    // The merged words are neither claim's: a verdict on either waits for a re-read.
    const judged = inheritVerdict ? { ...gone, verdict: goneRow.verdict } : kept;
    const reread = rereadIfJudged(judged, judged.text, kept.revisionText.slice(result.value.start, result.value.end));
    if (inheritVerdict) reread.was = { anchorStatus: kept.anchorStatus, previousText: kept.previousText };
    const note = goneRow.note === null ? keptRow.note : keptRow.note === null ? goneRow.note : `${keptRow.note}\n\n${goneRow.note}`;
    await tx.claim.update({
      where: { id: kept.id },
      data: {
        ...spanColumns(kept.revisionText, result.value),
        ...(inheritTag
          ? {
              tag: goneRow.tag,
              speaker: goneRow.speaker,
              cue: goneRow.cue,
              taggedById: goneRow.taggedById,
              taggedAt: goneRow.taggedAt,
              tagOrigin: goneRow.tagOrigin,
            }
          : {}),
        ...(inheritVerdict
          ? { verdict: goneRow.verdict, verdictRationale: goneRow.verdictRationale, verdictById: goneRow.verdictById, verdictAt: goneRow.verdictAt }
          : {}),
        note,
        ...reread.set,
        version: { increment: 1 },
      },
    });
    await tx.claim.update({ where: { id: gone.id }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await recordEvent(tx, actor, {
      action: "claim.merge",
      entityType: "claim",
      entityId: kept.id,
      articleId: kept.articleId,
      before: {
        ...spanOf(kept),
        mergedId: gone.id,
        mergedStart: gone.start,
        mergedEnd: gone.end,
        movedSourceIds: moved.map((m) => m.id),
        ...(stay.length > 0 ? { duplicateSourceIds: stay.map((l) => l.id) } : {}),
        movedCommentIds: movedComments.map((m) => m.id),
        inheritedTag: inheritTag,
        inheritedVerdict: inheritVerdict,
        note: keptRow.note,
        ...reread.was,
      },
      after: {
        start: result.value.start,
        end: result.value.end,
        text: kept.revisionText.slice(result.value.start, result.value.end),
      },
    });
    return { articleId: kept.articleId, keptId: kept.id, goneId: gone.id };
  });
  await publishArticleEvent(articleId, { type: "claims", claimIds: [keptId], removedIds: [goneId], actorId: actor.id });
  return (await claimViews(actor, [keptId]))[0]!;
}

/** Moves a claim's boundaries (a dragged handle, or a word-by-word keyboard move). */
export async function adjustClaim(maybeActor: Actor | null, claimId: string, input: unknown): Promise<ClaimView> {
  const actor = requirePermission(maybeActor, "articles:write");
  const { start, end, version } = parseInput(adjustClaimSchema, input);
  const articleId = await db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, claimId, version);
    const invalid = validateSpan(claim.revisionText, { start, end });
    if (invalid) refuseEdit(invalid);
    await assertNoTwin(tx, { articleId: claim.articleId, revisionId: claim.revisionId, start, end }, claimId);
    const columns = spanColumns(claim.revisionText, { start, end });
    const reread = rereadIfJudged(claim, claim.text, columns.text);
    await tx.claim.update({ where: { id: claimId }, data: { ...columns, ...reread.set, version: { increment: 1 } } });
    await recordEvent(tx, actor, {
      action: "claim.adjust",
      entityType: "claim",
      entityId: claimId,
      articleId: claim.articleId,
      before: { ...spanOf(claim), ...reread.was },
      after: spanOf(columns),
    });
    return claim.articleId;
  });
  await publishArticleEvent(articleId, { type: "claims", claimIds: [claimId], removedIds: [], actorId: actor.id });
  return (await claimViews(actor, [claimId]))[0]!;
}

/** Deletes a claim, keeping it (and its sources) for restore: nothing is hard-deleted. */
export async function deleteClaim(maybeActor: Actor | null, claimId: string, input: unknown): Promise<void> {
  const actor = requirePermission(maybeActor, "articles:write");
  const { version } = parseInput(deleteClaimSchema, input);
  const articleId = await db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, claimId, version);
    const at = new Date();
    await tx.claim.update({ where: { id: claimId }, data: { deletedAt: at, version: { increment: 1 } } });
    await recordEvent(tx, actor, {
      action: "claim.delete",
      entityType: "claim",
      entityId: claimId,
      articleId: claim.articleId,
      before: { ...spanOf(claim), deletedAt: null },
      after: { deletedAt: at.toISOString() },
    });
    return claim.articleId;
  });
  await publishArticleEvent(articleId, { type: "claims", claimIds: [], removedIds: [claimId], actorId: actor.id });
}

/** Brings a deleted claim back. */
export async function restoreClaim(maybeActor: Actor | null, claimId: string): Promise<ClaimView> {
  const actor = requirePermission(maybeActor, "articles:write");
  const articleId = await db.$transaction(async (tx) => {
    const claim = await tx.claim.findFirst({
      where: { id: claimId, deletedAt: { not: null } },
      select: {
        articleId: true,
        deletedAt: true,
        revisionId: true,
        start: true,
        end: true,
        text: true,
        prefix: true,
        suffix: true,
        article: { select: { revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true } } } },
      },
    });
    if (!claim) throw notFound("Deleted claim");
    await assertArticleEditable(tx, claim.articleId);
    // Deleted before a correction, the claim still points into the old text: it comes back
    // re-anchored on the current one, as the correction would have moved it (changed, or
    // orphaned when its text is gone), never on offsets that no longer mean anything.
    const currentId = claim.article.revisions[0]!.id;
    let moved: ReturnType<typeof reanchorOnto> | null = null;
    if (claim.revisionId !== currentId) {
      const texts = await tx.articleRevision.findMany({ where: { id: { in: [claim.revisionId, currentId] } }, select: { id: true, number: true, text: true } });
      const old = texts.find((r) => r.id === claim.revisionId)!;
      moved = reanchorOnto(claim, old.text, texts.find((r) => r.id === currentId)!);
    }
    const placed = moved ? moved.columns : { revisionId: claim.revisionId, start: claim.start, end: claim.end };
    // A correction imported since may have claimed the sentence afresh.
    if ("start" in placed) {
      const at = { articleId: claim.articleId, revisionId: placed.revisionId, start: placed.start, end: placed.end };
      await assertNoTwin(tx, at, claimId, "delete that one first to restore this one");
    }
    await tx.claim.update({ where: { id: claimId }, data: { deletedAt: null, ...moved?.columns, version: { increment: 1 } } });
    await recordEvent(tx, actor, {
      action: "claim.restore",
      entityType: "claim",
      entityId: claimId,
      articleId: claim.articleId,
      before: { deletedAt: claim.deletedAt!.toISOString(), ...(moved ? moved.before : {}) },
      after: { deletedAt: null, ...(moved ? moved.after : {}) },
    });
    return claim.articleId;
  });
  await publishArticleEvent(articleId, { type: "claims", claimIds: [claimId], removedIds: [], actorId: actor.id });
  return (await claimViews(actor, [claimId]))[0]!;
}

/** The columns that move a claim from an older revision's text onto the current one. */
function reanchorOnto(
  claim: { start: number; end: number; text: string; prefix: string; suffix: string },
  oldText: string,
  current: { id: string; number: number; text: string },
) {
  const [r] = reanchorClaims(oldText, current.text, [{ id: "", start: claim.start, end: claim.end, quote: { exact: claim.text, prefix: claim.prefix, suffix: claim.suffix } }]);
  const before = { start: claim.start, end: claim.end, text: claim.text };
  if (!r || r.status === "orphaned" || r.start === null || r.end === null) {
    return { columns: { anchorStatus: "orphaned", previousText: claim.text }, before, after: { revision: current.number, status: "orphaned" } };
  }
  return {
    columns: {
      revisionId: current.id,
      ...spanColumns(current.text, { start: r.start, end: r.end }),
      anchorStatus: r.status,
      previousText: r.status === "changed" ? claim.text : null,
    },
    before,
    after: { revision: current.number, status: r.status, start: r.start, end: r.end },
  };
}

/** The article's deleted claims, newest first, for restoring. */
export async function listDeletedClaims(
  maybeActor: Actor | null,
  articleId: string,
): Promise<(ClaimView & { deletedAt: string })[]> {
  requirePermission(maybeActor, "articles:read");
  const rows = await selectClaimRows(db, { deletedOf: articleId });
  const views = await toClaimViews(rows);
  return views.map((view, i) => ({ ...view, deletedAt: rows[i]!.deletedAt!.toISOString() }));
}
