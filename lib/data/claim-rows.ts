import "server-only";
import { type Tx, queryRows } from "@/lib/db";
import type { ClaimRow } from "@/lib/data/views";

// Claim rows for the claim views (lib/data/views.ts toClaimView) in two plain SQL queries,
// the claims with their taggers' and reviewers' names, then their source links. This is
// what every article load, report and claim edit reads, and Prisma's nested select of the
// same rows costs about seven times as much (bench/load.ts, BENCHMARKS.md "Load").

/**
 * Which claims: an article's claims on its current revision in text order, followed by
 * its orphaned ones (left on older revisions), latest first; or some claims by id, in
 * text order (never deleted ones); or an article's deleted claims, latest first.
 */
export type ClaimFilter =
  | { articleId: string; revisionId: string }
  | { ids: readonly string[] }
  | { deletedOf: string };

type Selected = ClaimRow & { articleId: string; deletedAt: Date | null };
type Flat = Omit<Selected, "taggedBy" | "verdictBy" | "sources"> & { taggedByName: string | null; verdictByName: string | null };
type FlatLink = Omit<ClaimRow["sources"][number], "source"> & { claimId: string; sourceId: string; url: string; title: string | null; domain: string | null; credibility: string | null };

const CLAIM_COLUMNS = `c."id", c."articleId", c."start", c."end", c."text", c."tag", c."speaker", c."cue", c."note", c."version",
  c."suggestedTag", c."suggestedConfidence", c."suggestion", c."taggedAt", c."tagOrigin", tb."name" AS "taggedByName",
  c."verdict", c."verdictRationale", c."verdictAt", vb."name" AS "verdictByName", c."anchorStatus", c."previousText", c."deletedAt"`;

function where(filter: ClaimFilter): { sql: string; params: unknown[]; order: string } {
  if ("revisionId" in filter) {
    // One query for both lists: an article load is the hottest read.
    const isOrphaned = `c."anchorStatus" = 'orphaned'`;
    return {
      sql: `c."articleId" = ? AND c."deletedAt" IS NULL AND (c."revisionId" = ? OR ${isOrphaned})`,
      params: [filter.articleId, filter.revisionId],
      order: `CASE WHEN ${isOrphaned} THEN 1 ELSE 0 END, CASE WHEN ${isOrphaned} THEN c."updatedAt" END DESC, c."start", c."end", c."id"`,
    };
  }
  if ("deletedOf" in filter) {
    return { sql: `c."articleId" = ? AND c."deletedAt" IS NOT NULL`, params: [filter.deletedOf], order: `c."deletedAt" DESC, c."id"` };
  }
  return { sql: `c."id" IN (${filter.ids.map(() => "?").join(", ")}) AND c."deletedAt" IS NULL`, params: [...filter.ids], order: `c."start", c."end", c."id"` };
}

/** The claims a filter selects, in the order the views show them, each with its source links (oldest first). */
export async function selectClaimRows(client: Tx, filter: ClaimFilter): Promise<Selected[]> {
  if ("ids" in filter && filter.ids.length === 0) return [];
  const w = where(filter);
  const [claims, links] = await Promise.all([
    queryRows<Flat>(
      client,
      `SELECT ${CLAIM_COLUMNS} FROM "Claim" c
       LEFT JOIN "User" tb ON tb."id" = c."taggedById" LEFT JOIN "User" vb ON vb."id" = c."verdictById"
       WHERE ${w.sql} ORDER BY ${w.order}`,
      ...w.params,
    ),
    queryRows<FlatLink>(
      client,
      `SELECT l."id", l."claimId", l."relation", l."quote", l."locator", s."id" AS "sourceId", s."url", s."title", s."domain", s."credibility"
       FROM "ClaimSource" l JOIN "Claim" c ON c."id" = l."claimId" JOIN "Source" s ON s."id" = l."sourceId"
       WHERE ${w.sql} ORDER BY l."createdAt", l."id"`,
      ...w.params,
    ),
  ]);
  const linksOf = new Map<string, ClaimRow["sources"]>();
  for (const l of links) {
    let list = linksOf.get(l.claimId);
    if (!list) linksOf.set(l.claimId, (list = []));
    list.push({
      id: l.id,
      relation: l.relation,
      quote: l.quote,
      locator: l.locator,
      source: { id: l.sourceId, url: l.url, title: l.title, domain: l.domain, credibility: l.credibility },
    });
  }
  // Completed in place: copying rows of 23 columns into new objects with rest and spread
  // cost V8 about 10 µs a row, more than both queries (measured: 1.2 ms for 100 claims).
  return claims.map((c) =>
    Object.assign(c, {
      taggedBy: c.taggedByName === null ? null : { name: c.taggedByName },
      verdictBy: c.verdictByName === null ? null : { name: c.verdictByName },
      sources: linksOf.get(c.id) ?? [],
    }),
  );
}
