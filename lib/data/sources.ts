import "server-only";
import { db } from "@/lib/db";
import { notFound, parseInput } from "@/lib/errors";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/data/audit";
import { assertArticleEditable } from "@/lib/data/editable";
import { addSourceSchema } from "@/lib/schemas/source";
import { canonicalizeUrl } from "@/lib/sources/url";
import type { SourceLinkView } from "@/lib/data/views";
import type { SourceRelation } from "@/lib/schemas/source";

/**
 * Links a source to a claim. The source is found or created by its canonical URL, so the
 * same URL cited on two claims is one source record.
 */
export async function addSourceToClaim(maybeActor: Actor | null, claimId: string, input: unknown): Promise<SourceLinkView> {
  const actor = requirePermission(maybeActor, "articles:write");
  const data = parseInput(addSourceSchema, input);
  const url = canonicalizeUrl(data.url);
  const userId = actor.id;
  if (userId === null) throw new Error("addSourceToClaim needs a user");
  return db.$transaction(async (tx) => {
    const claim = await tx.claim.findFirst({ where: { id: claimId, deletedAt: null }, select: { articleId: true } });
    if (!claim) throw notFound("Claim");
    await assertArticleEditable(tx, claim.articleId);
    const existing = await tx.source.findUnique({ where: { url }, select: { id: true, title: true } });
    const source = existing
      ? existing.title || !data.title
        ? existing
        : await tx.source.update({ where: { id: existing.id }, data: { title: data.title }, select: { id: true, title: true } })
      : await tx.source.create({ data: { url, title: data.title ?? null }, select: { id: true, title: true } });
    const link = await tx.claimSource.create({
      data: { claimId, sourceId: source.id, relation: data.relation, quote: data.quote ?? null, createdById: userId },
      select: { id: true, relation: true, quote: true },
    });
    await recordEvent(tx, actor, {
      action: "claim.source.add",
      entityType: "claimSource",
      entityId: link.id,
      articleId: claim.articleId,
      after: { claimId, url, relation: data.relation, quote: data.quote ?? null },
    });
    return {
      id: link.id,
      sourceId: source.id,
      url,
      title: source.title,
      relation: link.relation as SourceRelation,
      quote: link.quote,
    };
  });
}

/** Removes a source from a claim; the source record itself stays in the library. */
export async function removeSourceFromClaim(maybeActor: Actor | null, linkId: string): Promise<void> {
  const actor = requirePermission(maybeActor, "articles:write");
  await db.$transaction(async (tx) => {
    const link = await tx.claimSource.findUnique({
      where: { id: linkId },
      select: { claimId: true, relation: true, quote: true, source: { select: { url: true } }, claim: { select: { articleId: true } } },
    });
    if (!link) throw notFound("Source link");
    await assertArticleEditable(tx, link.claim.articleId);
    await tx.claimSource.delete({ where: { id: linkId } });
    await recordEvent(tx, actor, {
      action: "claim.source.remove",
      entityType: "claimSource",
      entityId: linkId,
      articleId: link.claim.articleId,
      before: { claimId: link.claimId, url: link.source.url, relation: link.relation, quote: link.quote },
    });
  });
}
