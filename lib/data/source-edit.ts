import "server-only";
import { db, queryRows, type Tx } from "@/lib/db";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/data/audit";
import { approvedArticleCiting } from "@/lib/data/editable";
import { linkKey, repeatedLinks, type LinkWording } from "@/lib/sources/link-key";
import { mergeSourceSchema, updateSourceSchema } from "@/lib/sources/source-schemas";

const editableSelect = {
  title: true,
  publisher: true,
  author: true,
  publishedAt: true,
  description: true,
  type: true,
  accessedAt: true,
  notes: true,
  archiveUrl: true,
} as const;

/** The fields of a source that its citing articles' reports and exports show. */
const REPORTED_FIELDS = ["title", "publisher"] as const;

/** Deletes the links that cite a source a second time from the same claim (linkKey), keeping the oldest; returns how many went. */
async function deleteTwinLinks(tx: Tx, sourceId: string): Promise<number> {
  const links = await queryRows<LinkWording & { id: string; claimId: string }>(
    tx,
    `SELECT "id", "claimId", "relation", "quote", "locator" FROM "ClaimSource" WHERE "sourceId" = ?`,
    sourceId,
  );
  // Ids sort by creation (lib/sortable-id.ts, cuid); compared in JavaScript, as collations differ between the databases.
  links.sort((a, b) => (a.id < b.id ? -1 : 1));
  const twins = [...repeatedLinks(links, (link) => JSON.stringify([link.claimId, linkKey(link)]))].map((link) => link.id);
  if (twins.length === 0) return 0;
  return (await tx.claimSource.deleteMany({ where: { id: { in: twins } } })).count;
}

/** Refuses a change that would alter an approved article's report, naming the article: a reviewer must reopen it first. */
async function assertCitingArticlesEditable(tx: Tx, sourceId: string): Promise<void> {
  const approved = await approvedArticleCiting(tx, sourceId);
  if (approved) {
    throw new AppError(
      "forbidden",
      `"${approved}" cites this source and is approved and read-only, so its report cannot change: a reviewer must reopen it first`,
    );
  }
}

/**
 * Changes a source's own fields (title, publisher, author, dates, type, notes, archive
 * link); absent fields stay. The title and publisher appear in the reports of the articles
 * that cite it, so they stay as they are while one of those articles is approved.
 */
export async function updateSource(maybeActor: Actor | null, sourceId: string, input: unknown): Promise<{ id: string }> {
  const actor = requirePermission(maybeActor, "sources:write");
  const data = parseInput(updateSourceSchema, input);
  const changes = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
  return db.$transaction(async (tx) => {
    const before = await tx.source.findFirst({ where: { id: sourceId, mergedIntoId: null }, select: editableSelect });
    if (!before) throw notFound("Source");
    if (Object.keys(changes).length === 0) return { id: sourceId };
    if (REPORTED_FIELDS.some((key) => key in changes && changes[key] !== before[key])) await assertCitingArticlesEditable(tx, sourceId);
    await tx.source.update({ where: { id: sourceId }, data: changes });
    const beforeChanged = Object.fromEntries(Object.keys(changes).map((key) => [key, before[key as keyof typeof before]]));
    await recordEvent(tx, actor, {
      action: "source.update",
      entityType: "source",
      entityId: sourceId,
      before: beforeChanged,
      after: changes,
    });
    return { id: sourceId };
  });
}

/**
 * Merges a duplicate source into the one to keep, in one transaction: every claim link and
 * snapshot moves to the kept source, its empty fields are filled from the duplicate, and
 * the duplicate keeps `mergedIntoId` (it leaves the library, and its URL still leads to
 * the kept source). Refused while a citing article is approved, as any change to it is.
 */
export async function mergeSources(
  maybeActor: Actor | null,
  sourceId: string,
  input: unknown,
): Promise<{ keptId: string; movedLinks: number }> {
  const actor = requirePermission(maybeActor, "sources:write");
  const { intoId } = parseInput(mergeSourceSchema, input);
  if (intoId === sourceId)
    throw new AppError("validation_failed", "A source cannot be merged into itself", {
      fields: { intoId: ["Choose another source"] },
    });
  return db.$transaction(async (tx) => {
    const select = { ...editableSelect, url: true, mergedIntoId: true } as const;
    const [from, into] = await Promise.all([
      tx.source.findUnique({ where: { id: sourceId }, select }),
      tx.source.findUnique({ where: { id: intoId }, select }),
    ]);
    if (!from) throw notFound("Source");
    if (from.mergedIntoId !== null) {
      throw new AppError("conflict", "This source was already merged into another; its links are there now", {
        details: { mergedIntoId: from.mergedIntoId },
      });
    }
    if (!into || into.mergedIntoId !== null)
      throw new AppError(
        "validation_failed",
        into ? "The source to keep was itself merged into another: merge into that one" : "The source to keep does not exist",
        { fields: { intoId: ["Choose another source"] }, ...(into ? { details: { mergedIntoId: into.mergedIntoId } } : {}) },
      );
    await assertCitingArticlesEditable(tx, sourceId);
    // Filling the kept source's empty title or publisher would change its own citing articles' reports.
    if (REPORTED_FIELDS.some((key) => into[key] === null && from[key] !== null)) await assertCitingArticlesEditable(tx, intoId);
    const moved = await tx.claimSource.updateMany({ where: { sourceId }, data: { sourceId: intoId } });
    // A claim that cited both the duplicate and the kept source the same way (relation,
    // quote and locator, as read: linkKey) now cites one source twice: the older link stays.
    const duplicates = await deleteTwinLinks(tx, intoId);
    await tx.sourceSnapshot.updateMany({ where: { sourceId }, data: { sourceId: intoId } });
    // Earlier merges into the duplicate now point at the kept source, so one hop always suffices.
    await tx.source.updateMany({ where: { mergedIntoId: sourceId }, data: { mergedIntoId: intoId } });
    const fill = Object.fromEntries(
      Object.entries(from).filter(([key, value]) => key !== "url" && value !== null && into[key as keyof typeof into] === null),
    );
    if (Object.keys(fill).length > 0) await tx.source.update({ where: { id: intoId }, data: fill });
    await tx.source.update({ where: { id: sourceId }, data: { mergedIntoId: intoId } });
    await recordEvent(tx, actor, {
      action: "source.merge",
      entityType: "source",
      entityId: sourceId,
      before: { url: from.url },
      after: { mergedIntoId: intoId, keptUrl: into.url, movedLinks: moved.count, droppedDuplicateLinks: duplicates, filled: Object.keys(fill) },
    });
    return { keptId: intoId, movedLinks: moved.count - duplicates };
  });
}
