import "server-only";
import { db, queryRows, type Tx } from "@/lib/db";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/data/audit";
import {
  type Credibility,
  type EffectiveCredibility,
  effectiveCredibility,
  isBackedOnlyByLowCredibility,
} from "@/lib/sources/credibility";
import { normalizeDomain } from "@/lib/sources/domain";
import { credibilitySchema, domainRatingSchema } from "@/lib/sources/source-schemas";

/** The publisher ratings of some domains, by domain, read inside a transaction or not. */
export async function domainRatingMap(client: Tx, domains: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(domains.filter((d): d is string => d !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await queryRows<{ domain: string; rating: string }>(
    client,
    `SELECT "domain", "rating" FROM "DomainRating" WHERE "domain" IN (${wanted.map(() => "?").join(", ")})`,
    ...wanted,
  );
  return new Map(rows.map((r) => [r.domain, r.rating]));
}

/** A rating as shown: the level, its note, who set it and when. */
export type RatingView = { level: Credibility; note: string | null; setBy: string | null; setAt: string | null };

/** Rates one source (reliable, mixed, unreliable or unknown) with a note; its own rating outranks its publisher's. */
export async function setSourceCredibility(maybeActor: Actor | null, sourceId: string, input: unknown): Promise<RatingView> {
  const actor = requirePermission(maybeActor, "sources:rate");
  const { rating, note } = parseInput(credibilitySchema, input);
  const now = new Date();
  return db.$transaction(async (tx) => {
    const before = await tx.source.findFirst({
      where: { id: sourceId, mergedIntoId: null },
      select: { credibility: true, credibilityNote: true },
    });
    if (!before) throw notFound("Source");
    await tx.source.update({
      where: { id: sourceId },
      data: { credibility: rating, credibilityNote: note ?? null, credibilitySetById: actor.id, credibilitySetAt: now },
    });
    await recordEvent(tx, actor, {
      action: "source.credibility",
      entityType: "source",
      entityId: sourceId,
      before: { credibility: before.credibility, note: before.credibilityNote },
      after: { credibility: rating, note: note ?? null },
    });
    return { level: rating, note: note ?? null, setBy: actor.name, setAt: now.toISOString() };
  });
}

/** Rates a publisher by its domain; every source from it without a rating of its own shows this one. */
export async function setDomainRating(maybeActor: Actor | null, input: unknown): Promise<RatingView & { domain: string }> {
  const actor = requirePermission(maybeActor, "sources:rate");
  const data = parseInput(domainRatingSchema, input);
  const domain = normalizeDomain(data.domain);
  if (!domain)
    throw new AppError("validation_failed", "Domain must be a host name such as example.org", {
      fields: { domain: ["Not a domain"] },
    });
  if (actor.id === null) throw new Error("setDomainRating needs a user");
  const setById = actor.id;
  const now = new Date();
  return db.$transaction(async (tx) => {
    const before = await tx.domainRating.findUnique({ where: { domain }, select: { rating: true, note: true } });
    const fields = { rating: data.rating, note: data.note ?? null, setById, setAt: now };
    await tx.domainRating.upsert({ where: { domain }, create: { domain, ...fields }, update: fields });
    // The audit log has no entity type for domains; the domain itself names the entity.
    await recordEvent(tx, actor, {
      action: "source.domain-rating",
      entityType: "source",
      entityId: `domain:${domain}`,
      before,
      after: { rating: data.rating, note: data.note ?? null },
    });
    return { domain, level: data.rating, note: data.note ?? null, setBy: actor.name, setAt: now.toISOString() };
  });
}

/** One claim of the report that only low-credibility sources back, with those sources. */
export type LowCredibilityClaim = {
  id: string;
  /** The claim's position in the report (1-based, text order), as the report numbers claims. */
  number: number;
  text: string;
  sources: { id: string; url: string; title: string | null; relation: string; credibility: EffectiveCredibility }[];
};

/**
 * The claims of an article that only low-credibility sources back: every "supports" or
 * "origin" source is rated unreliable or mixed (its own rating, else its publisher's).
 * Unrated sources do not count as low. For the claim report.
 */
export async function getLowCredibilityClaims(
  maybeActor: Actor | null,
  articleId: string,
): Promise<{ count: number; total: number; claims: LowCredibilityClaim[] }> {
  requirePermission(maybeActor, "articles:read");
  const revision = await db.articleRevision.findFirst({
    where: { articleId },
    orderBy: { number: "desc" },
    select: { id: true },
  });
  if (!revision) throw notFound("Article");
  const claims = await db.claim.findMany({
    where: { articleId, revisionId: revision.id, deletedAt: null },
    orderBy: [{ start: "asc" }, { end: "asc" }],
    select: {
      id: true,
      text: true,
      sources: {
        select: { relation: true, source: { select: { id: true, url: true, title: true, domain: true, credibility: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  const ratings = await domainRatingMap(
    db,
    claims.flatMap((c) => c.sources.map((s) => s.source.domain)),
  );
  const views = claims.map((c, i) => ({
    id: c.id,
    number: i + 1,
    text: c.text,
    sources: c.sources.map((s) => ({
      id: s.source.id,
      url: s.source.url,
      title: s.source.title,
      relation: s.relation,
      credibility: effectiveCredibility(s.source.credibility, s.source.domain ? ratings.get(s.source.domain) : null),
    })),
  }));
  const low = views.filter((c) => isBackedOnlyByLowCredibility(c.sources));
  return { count: low.length, total: claims.length, claims: low };
}
