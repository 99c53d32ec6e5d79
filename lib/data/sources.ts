import "server-only";
import { db, executeSql, queryRows, sortableId, type Tx } from "@/lib/db";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/data/audit";
import { publishArticleEvent } from "@/lib/realtime/bus";
import { approvedArticleCiting, assertArticleEditable, assertEditableState } from "@/lib/data/editable";
import { domainRatingMap } from "@/lib/data/source-credibility";
import { effectiveCredibility } from "@/lib/sources/credibility";
import { publisherDomain } from "@/lib/sources/domain";
import { linkKey, type LinkWording } from "@/lib/sources/link-key";
import { isNonWebSourceUrl } from "@/lib/sources/non-web";
import { linkSourceSchema, type LinkSourceInput } from "@/lib/sources/source-schemas";
import { canonicalizeUrl } from "@/lib/sources/url";
import type { SourceLinkView } from "@/lib/data/views";
import type { SourceRelation } from "@/lib/schemas/source";

type SourceRecord = {
  id: string;
  url: string;
  title: string | null;
  publisher: string | null;
  author: string | null;
  publishedAt: Date | null;
  description: string | null;
  type: string | null;
  accessedAt: Date | null;
  domain: string | null;
  credibility: string | null;
  mergedIntoId: string | null;
};

const sourceSelect = {
  id: true,
  url: true,
  title: true,
  publisher: true,
  author: true,
  publishedAt: true,
  description: true,
  type: true,
  accessedAt: true,
  domain: true,
  credibility: true,
  mergedIntoId: true,
} as const satisfies Record<keyof SourceRecord, true>;

const SOURCE_COLUMNS = Object.keys(sourceSelect).map((c) => `"${c}"`).join(", ");

/**
 * Links a source to a claim. The source is found or created by its canonical URL, so the
 * same URL cited on two claims is one source record; details the editor fetched or typed
 * fill the record's empty fields, and a snapshot kept by "Fetch details" is attached.
 */
export async function addSourceToClaim(maybeActor: Actor | null, claimId: string, input: unknown): Promise<SourceLinkView> {
  const actor = requirePermission(maybeActor, "articles:write");
  const data = parseInput(linkSourceSchema, input);
  const isNonWeb = isNonWebSourceUrl(data.url);
  const url = isNonWeb ? data.url : canonicalizeUrl(data.url);
  const userId = actor.id;
  if (userId === null) throw new Error("addSourceToClaim needs a user");
  const { articleId, view } = await db.$transaction(async (tx) => {
    const [claim] = await queryRows<{ articleId: string; reviewState: string }>(
      tx,
      `SELECT c."articleId", a."reviewState" FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId" WHERE c."id" = ? AND c."deletedAt" IS NULL`,
      claimId,
    );
    if (!claim) throw notFound("Claim");
    assertEditableState(claim.reviewState);
    const source = await findOrCreateSource(tx, actor, url, data, isNonWeb);
    // Plain SQL, like the reads above (lib/db.ts): adding a source is one of the hot writes.
    const link = { id: sortableId(), relation: data.relation, quote: data.quote ?? null, locator: data.locator ?? null };
    await assertNoTwinLink(tx, claimId, source.id, link);
    await executeSql(
      tx,
      `INSERT INTO "ClaimSource" ("id", "claimId", "sourceId", "relation", "quote", "locator", "createdById", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      link.id,
      claimId,
      source.id,
      link.relation,
      link.quote,
      link.locator,
      userId,
      new Date(),
    );
    await recordEvent(tx, actor, {
      action: "claim.source.add",
      entityType: "claimSource",
      entityId: link.id,
      articleId: claim.articleId,
      after: { claimId, url: source.url, relation: data.relation, quote: data.quote ?? null, locator: data.locator ?? null },
    });
    const ratings = await domainRatingMap(tx, [source.domain]);
    const view: SourceLinkView = {
      id: link.id,
      sourceId: source.id,
      url: source.url,
      title: source.title,
      relation: link.relation as SourceRelation,
      quote: link.quote,
      locator: link.locator,
      credibility: effectiveCredibility(source.credibility, source.domain ? ratings.get(source.domain) : null),
    };
    return { articleId: claim.articleId, view };
  });
  await publishArticleEvent(articleId, { type: "claims", claimIds: [claimId], removedIds: [], actorId: actor.id });
  return view;
}

type SourceRow = { id: string; url: string; title: string | null; domain: string | null; credibility: string | null };

/** The source for a URL (following a merge to the kept record), created or completed from the link's details. */
async function findOrCreateSource(tx: Tx, actor: Actor, url: string, data: LinkSourceInput, isNonWeb: boolean): Promise<SourceRow> {
  const [found] = await queryRows<SourceRecord>(tx, `SELECT ${SOURCE_COLUMNS} FROM "Source" WHERE "url" = ?`, url);
  const existing = found?.mergedIntoId
    ? await tx.source.findUnique({ where: { id: found.mergedIntoId }, select: sourceSelect })
    : found;
  const snapshot = data.snapshotId
    ? await tx.sourceSnapshot.findUnique({
        where: { id: data.snapshotId },
        select: { id: true, url: true, sourceId: true, fetchedAt: true },
      })
    : null;
  // Only a snapshot of this very URL that no source has claimed yet may be attached.
  const usable =
    snapshot && snapshot.url === url && (snapshot.sourceId === null || snapshot.sourceId === existing?.id) ? snapshot : null;
  const details = {
    title: data.title ?? null,
    publisher: data.publisher ?? null,
    author: data.author ?? null,
    publishedAt: data.publishedAt ?? null,
    description: data.description ?? null,
    type: data.type ?? null,
  };
  let source: SourceRow;
  if (existing) {
    // Fill only what is empty: the library's record may have been edited by hand since.
    const fill: Record<string, unknown> = Object.fromEntries(
      Object.entries(details).filter(([key, value]) => value !== null && existing[key as keyof typeof details] === null),
    );
    // An approved article's report shows the title and publisher, and must not change
    // (lib/data/source-edit.ts refuses such edits): there the link is made, unfilled.
    if (("title" in fill || "publisher" in fill) && (await approvedArticleCiting(tx, existing.id))) {
      delete fill.title;
      delete fill.publisher;
    }
    const accessed = existing.accessedAt === null ? { accessedAt: usable?.fetchedAt ?? new Date() } : {};
    source =
      Object.keys(fill).length + Object.keys(accessed).length > 0
        ? await tx.source.update({ where: { id: existing.id }, data: { ...fill, ...accessed }, select: sourceSelect })
        : existing;
    if (Object.keys(fill).length > 0) {
      await recordEvent(tx, actor, {
        action: "source.update",
        entityType: "source",
        entityId: existing.id,
        before: Object.fromEntries(Object.keys(fill).map((key) => [key, null])),
        after: fill,
      });
    }
  } else {
    if (isNonWeb)
      throw new AppError("validation_failed", "No uploaded or offline source has this identifier", {
        fields: { url: ["Unknown claimtrack: identifier"] },
      });
    source = await tx.source.create({
      data: { url, domain: publisherDomain(url), ...details, accessedAt: usable?.fetchedAt ?? new Date() },
      select: sourceSelect,
    });
  }
  if (usable && usable.sourceId === null) {
    await tx.sourceSnapshot.update({ where: { id: usable.id }, data: { sourceId: source.id } });
  }
  return source;
}

/**
 * Refuses (409, naming the link) a link the claim already has: the same link twice would be
 * counted twice in the report and its charts. The same source with another relation,
 * quote or locator is another link; white space alone does not make another quote or
 * locator (linkKey). For adding a source, and for undoing its removal.
 */
export async function assertNoTwinLink(tx: Tx, claimId: string, sourceId: string, link: LinkWording): Promise<void> {
  const cited = await queryRows<LinkWording & { id: string }>(
    tx,
    `SELECT "id", "relation", "quote", "locator" FROM "ClaimSource" WHERE "claimId" = ? AND "sourceId" = ? AND "relation" = ?`,
    claimId,
    sourceId,
    link.relation,
  );
  const twin = cited.sort((x, y) => (x.id < y.id ? -1 : 1)).find((other) => linkKey(other) === linkKey(link));
  if (twin) {
    throw new AppError("conflict", `This claim already cites this source as "${link.relation}" with the same quote and locator`, {
      details: { linkId: twin.id },
    });
  }
}

/** Removes a source from a claim; the source record itself stays in the library. */
export async function removeSourceFromClaim(maybeActor: Actor | null, linkId: string): Promise<void> {
  const actor = requirePermission(maybeActor, "articles:write");
  const { articleId, claimId } = await db.$transaction(async (tx) => {
    const link = await tx.claimSource.findUnique({
      where: { id: linkId },
      select: {
        claimId: true,
        relation: true,
        quote: true,
        locator: true,
        sourceId: true,
        source: { select: { url: true } },
        claim: { select: { articleId: true } },
      },
    });
    if (!link) throw notFound("Source link");
    await assertArticleEditable(tx, link.claim.articleId);
    await tx.claimSource.delete({ where: { id: linkId } });
    await recordEvent(tx, actor, {
      action: "claim.source.remove",
      entityType: "claimSource",
      entityId: linkId,
      articleId: link.claim.articleId,
      before: { claimId: link.claimId, sourceId: link.sourceId, url: link.source.url, relation: link.relation, quote: link.quote, locator: link.locator },
    });
    return { articleId: link.claim.articleId, claimId: link.claimId };
  });
  await publishArticleEvent(articleId, { type: "claims", claimIds: [claimId], removedIds: [], actorId: actor.id });
}
