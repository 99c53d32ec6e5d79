import "server-only";
import { containsText, db } from "@/lib/db";
import { notFound, parseInput } from "@/lib/errors";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import { domainRatingMap } from "@/lib/data/source-credibility";
import type { CitingClaimView, HealthView, SourceDetailView, SourceListItem } from "@/lib/data/source-views";
import { asCredibility, effectiveCredibility } from "@/lib/sources/credibility";
import { isNonWebSourceUrl } from "@/lib/sources/non-web";
import { listSourcesSchema } from "@/lib/sources/source-schemas";
import type { LinkHealthStatus } from "@/lib/sources/link-health";
import type { SourceType } from "@/lib/sources/source-type";

const PAGE_SIZE = 50;

const listSelect = {
  id: true,
  url: true,
  domain: true,
  title: true,
  publisher: true,
  type: true,
  credibility: true,
  health: true,
  healthHttpStatus: true,
  healthFinalUrl: true,
  healthMessage: true,
  healthCheckedAt: true,
} as const;

type ListRow = {
  id: string;
  url: string;
  domain: string | null;
  title: string | null;
  publisher: string | null;
  type: string | null;
  credibility: string | null;
  health: string | null;
  healthHttpStatus: number | null;
  healthFinalUrl: string | null;
  healthMessage: string | null;
  healthCheckedAt: Date | null;
};

function toHealth(row: ListRow): HealthView {
  if (!row.health) return null;
  return {
    status: row.health as LinkHealthStatus,
    httpStatus: row.healthHttpStatus,
    finalUrl: row.healthFinalUrl,
    message: row.healthMessage,
    checkedAt: row.healthCheckedAt?.toISOString() ?? null,
  };
}

function toListItem(row: ListRow, ratings: Map<string, string>, claimCount: number): SourceListItem {
  return {
    id: row.id,
    url: row.url,
    isWeb: !isNonWebSourceUrl(row.url),
    domain: row.domain,
    title: row.title,
    publisher: row.publisher,
    type: row.type as SourceType | null,
    credibility: effectiveCredibility(row.credibility, row.domain ? ratings.get(row.domain) : null),
    health: toHealth(row),
    claimCount,
  };
}

/** Distinct live claims citing each source, by source id. */
async function claimCounts(sourceIds: string[]): Promise<Map<string, number>> {
  if (sourceIds.length === 0) return new Map();
  const pairs = await db.claimSource.groupBy({
    by: ["sourceId", "claimId"],
    where: { sourceId: { in: sourceIds }, claim: { deletedAt: null } },
  });
  const counts = new Map<string, number>();
  for (const p of pairs) counts.set(p.sourceId, (counts.get(p.sourceId) ?? 0) + 1);
  return counts;
}

/**
 * The source library: every source not merged away, newest first, searched by title,
 * domain or URL (q), filtered by type and link health ("unchecked" for never checked),
 * 50 a page, with the number of claims citing each.
 */
export async function listSources(
  maybeActor: Actor | null,
  input: unknown = {},
): Promise<{ items: SourceListItem[]; page: number; pageCount: number; total: number }> {
  requirePermission(maybeActor, "sources:read");
  const { q, type, health, page } = parseInput(listSourcesSchema, input);
  const where = {
    mergedIntoId: null,
    ...(q ? await containsText("Source", ["title", "domain", "url", "publisher"], q) : {}),
    ...(type ? { type } : {}),
    ...(health ? { health: health === "unchecked" ? null : health } : {}),
  };
  const [total, rows] = await Promise.all([
    db.source.count({ where }),
    db.source.findMany({
      where,
      select: listSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
  ]);
  const [ratings, counts] = await Promise.all([
    domainRatingMap(
      db,
      rows.map((r) => r.domain),
    ),
    claimCounts(rows.map((r) => r.id)),
  ]);
  return {
    items: rows.map((r) => toListItem(r, ratings, counts.get(r.id) ?? 0)),
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    total,
  };
}

/**
 * One source with every claim citing it (article and relation), its snapshots, its file,
 * its own and its publisher's rating. A merged source answers with `mergedIntoId` only,
 * so the page can send the reader to the kept record.
 */
export async function getSource(
  maybeActor: Actor | null,
  sourceId: string,
): Promise<SourceDetailView | { mergedIntoId: string }> {
  requirePermission(maybeActor, "sources:read");
  const row = await db.source.findUnique({
    where: { id: sourceId },
    select: {
      ...listSelect,
      author: true,
      publishedAt: true,
      description: true,
      accessedAt: true,
      notes: true,
      archiveUrl: true,
      archivedAt: true,
      fileSha256: true,
      fileName: true,
      credibilityNote: true,
      credibilitySetAt: true,
      credibilitySetBy: { select: { name: true } },
      mergedIntoId: true,
      createdAt: true,
      snapshots: {
        orderBy: { fetchedAt: "desc" },
        select: { id: true, fetchedAt: true, httpStatus: true, contentType: true, bytes: true, finalUrl: true, sha256: true },
      },
      claims: {
        where: { claim: { deletedAt: null } },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          relation: true,
          quote: true,
          locator: true,
          claim: { select: { id: true, text: true, article: { select: { id: true, title: true } } } },
        },
      },
    },
  });
  if (!row) throw notFound("Source");
  if (row.mergedIntoId) return { mergedIntoId: row.mergedIntoId };
  const domainRow = row.domain
    ? await db.domainRating.findUnique({
        where: { domain: row.domain },
        select: { rating: true, note: true, setAt: true, setBy: { select: { name: true } } },
      })
    : null;
  const ratings = new Map(domainRow && row.domain ? [[row.domain, domainRow.rating]] : []);
  const file = row.fileSha256 ? await db.blob.findUnique({ where: { sha256: row.fileSha256 }, select: { size: true } }) : null;
  const ownLevel = asCredibility(row.credibility);
  const domainLevel = asCredibility(domainRow?.rating);
  const claims: CitingClaimView[] = row.claims.map((l) => ({
    linkId: l.id,
    claimId: l.claim.id,
    claimText: l.claim.text,
    articleId: l.claim.article.id,
    articleTitle: l.claim.article.title,
    relation: l.relation,
    quote: l.quote,
    locator: l.locator,
  }));
  return {
    // As the library counts: distinct live claims (one claim may cite a source twice).
    ...toListItem(row, ratings, new Set(claims.map((c) => c.claimId)).size),
    author: row.author,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    description: row.description,
    accessedAt: row.accessedAt?.toISOString() ?? null,
    notes: row.notes,
    archiveUrl: row.archiveUrl,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    file: row.fileSha256 ? { sha256: row.fileSha256, fileName: row.fileName, size: file?.size ?? null } : null,
    ownRating: ownLevel
      ? {
          level: ownLevel,
          note: row.credibilityNote,
          setBy: row.credibilitySetBy?.name ?? null,
          setAt: row.credibilitySetAt?.toISOString() ?? null,
        }
      : null,
    domainRating:
      domainRow && domainLevel
        ? { level: domainLevel, note: domainRow.note, setBy: domainRow.setBy.name, setAt: domainRow.setAt.toISOString() }
        : null,
    createdAt: row.createdAt.toISOString(),
    claims,
    snapshots: row.snapshots.map((s) => ({
      ...s,
      fetchedAt: s.fetchedAt.toISOString(),
      isHtml: /html/i.test(s.contentType ?? ""),
    })),
  };
}

/** Sources an editor may merge this one into: the same publisher's first, then any matching the search. */
export async function listMergeCandidates(
  maybeActor: Actor | null,
  sourceId: string,
  q: string = "",
): Promise<{ id: string; label: string }[]> {
  requirePermission(maybeActor, "sources:read");
  const source = await db.source.findUnique({ where: { id: sourceId }, select: { domain: true } });
  if (!source) throw notFound("Source");
  const search = q.trim().slice(0, 200);
  const rows = await db.source.findMany({
    where: {
      id: { not: sourceId },
      mergedIntoId: null,
      OR: [
        ...(source.domain ? [{ domain: source.domain }] : []),
        ...(search ? [await containsText("Source", ["title", "url"], search)] : []),
      ],
    },
    select: { id: true, title: true, url: true, domain: true },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  // With no publisher and no search there is nothing to offer: OR [] matches nothing in Prisma.
  return rows.map((r) => ({ id: r.id, label: r.title ? `${r.title} (${r.url})` : r.url }));
}
