import "server-only";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import { loadSpeakerAliases } from "@/lib/data/speakers";
import { groupBySpeaker } from "@/lib/claims/speaker-names";
import { databaseKind, sourceHostSql } from "@/lib/data/search-sql";
import { buildSearchSql, claimMonthSql, claimSearchSchema, type ClaimSearchFilters } from "@/lib/data/search-filters";
import { speakerVariants, toCount } from "@/lib/data/search";

// The dashboard's figures over the claims that match the current filters: top speakers
// (grouped as editors grouped them), most-cited sources and domains, and claims per month.
// Every tally is a GROUP BY in the database; only the speakers' top few hundred raw
// spellings are folded into groups here.

export type SpeakerTally = { name: string; variants: string[]; claims: number };
/** `citations`: how many times claims cite it (claim–source links). */
export type SourceTally = { url: string; title: string | null; domain: string; citations: number };
export type DomainTally = { domain: string; citations: number };
export type MonthTally = { month: string; claims: number };

export type ClaimStats = { speakers: SpeakerTally[]; sources: SourceTally[]; domains: DomainTally[]; months: MonthTally[] };

const TOP = 10;
/** Raw spellings read to fold into speaker groups: enough that a group's variants are all counted. */
const SPEAKER_SPELLINGS = 300;
/** At most this many months in the chart (the most recent ones). */
const MONTHS = 36;

/** How long figures are reused for the same filters: a dashboard need not be to the second. */
const CACHE_MS = 60_000;
const CACHE_ENTRIES = 200;
const cache = new Map<string, { at: number; stats: Promise<ClaimStats> }>();

/**
 * Top speakers, most-cited sources and domains, and claims per month, over the filtered
 * claims. Each GROUP BY reads every matching claim, which over a whole archive takes up to
 * a second (BENCHMARKS.md, "Search"), so figures for the same filters are reused for a
 * minute within the process.
 */
export async function getClaimStats(maybeActor: Actor | null, input: unknown): Promise<ClaimStats> {
  requirePermission(maybeActor, "articles:read");
  const { page: _page, ...filters } = parseInput(claimSearchSchema, input);
  const key = JSON.stringify(filters);
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < CACHE_MS) return hit.stats;
  if (cache.size >= CACHE_ENTRIES)
    for (const [k, v] of cache) if (now - v.at >= CACHE_MS || cache.size >= CACHE_ENTRIES) cache.delete(k);
  const stats = computeStats({ ...filters, page: 1 });
  cache.set(key, { at: now, stats });
  stats.catch(() => cache.delete(key));
  return stats;
}

/** Forgets every cached figure (for benchmarks and tests that must measure or see fresh ones). */
export function clearClaimStatsCache(): void {
  cache.clear();
}

async function computeStats(filters: ClaimSearchFilters): Promise<ClaimStats> {
  const kind = databaseKind();
  const aliases = await loadSpeakerAliases();
  const sql = buildSearchSql(kind, filters, filters.speaker ? speakerVariants(filters.speaker, aliases) : []);
  const host = sourceHostSql(kind);
  const values = sql.params.values;
  const speakerRows = await db.$queryRawUnsafe<{ speaker: string; n: unknown }[]>(
    `SELECT c."speaker" AS "speaker", count(*) AS n FROM ${sql.from} WHERE ${sql.where} AND c."speaker" IS NOT NULL
     GROUP BY c."speaker" ORDER BY n DESC, c."speaker" LIMIT ${SPEAKER_SPELLINGS}`,
    ...values,
  );
  // Citations per source, counted once and used twice: the top sources, and the top
  // domains (each cited source's host computed once, not once per citation).
  const citationRows = await db.$queryRawUnsafe<
    { kind: string; url: string | null; title: string | null; domain: string | null; n: unknown }[]
  >(
    `WITH hits AS MATERIALIZED (
       SELECT cl."sourceId" AS "sourceId", count(*) AS n
       FROM ${sql.from} JOIN "ClaimSource" cl ON cl."claimId" = c."id"
       WHERE ${sql.where} GROUP BY cl."sourceId"),
     cited AS MATERIALIZED (
       SELECT s."url" AS "url", s."title" AS "title", ${host} AS "domain", hits.n AS n
       FROM hits JOIN "Source" s ON s."id" = hits."sourceId")
     SELECT * FROM (SELECT 'source' AS "kind", "url", "title", "domain", n FROM cited ORDER BY n DESC, "url" LIMIT ${TOP}) top_sources
     UNION ALL
     SELECT * FROM (
       SELECT 'domain' AS "kind", NULL AS "url", NULL AS "title", "domain", CAST(sum(n) AS INTEGER) AS n
       FROM cited GROUP BY "domain" ORDER BY 5 DESC, "domain" LIMIT ${TOP}) top_domains`,
    ...values,
  );
  const sourceRows = citationRows.filter((r) => r.kind === "source");
  const domainRows = citationRows.filter((r) => r.kind === "domain");
  const month = claimMonthSql(kind);
  // Claims per article first: the article's date is then read once per article, not per claim.
  const monthRows = await db.$queryRawUnsafe<{ month: string; n: unknown }[]>(
    `SELECT ${month} AS "month", CAST(sum(k.n) AS INTEGER) AS n
     FROM (SELECT c."articleId" AS "articleId", count(*) AS n FROM ${sql.from} WHERE ${sql.where} GROUP BY c."articleId") k
     JOIN "Article" a ON a."id" = k."articleId" GROUP BY 1 ORDER BY 1 DESC LIMIT ${MONTHS}`,
    ...values,
  );

  // Fold spellings into the editors' groups, weighting each spelling by its count.
  const weighted = speakerRows.map((r, i) => ({ id: String(i), speaker: r.speaker, n: toCount(r.n) }));
  const speakers = groupBySpeaker(weighted, aliases)
    .map((g) => ({ name: g.name, variants: g.variants, claims: g.claims.reduce((sum, c) => sum + c.n, 0) }))
    .sort((a, b) => b.claims - a.claims || a.name.localeCompare(b.name))
    .slice(0, TOP);
  return {
    speakers,
    sources: sourceRows.map((r) => ({ url: r.url ?? "", title: r.title, domain: r.domain ?? "", citations: toCount(r.n) })),
    domains: domainRows.map((r) => ({ domain: r.domain ?? "", citations: toCount(r.n) })),
    months: monthRows.map((r) => ({ month: r.month, claims: toCount(r.n) })).reverse(),
  };
}
