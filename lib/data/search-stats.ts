import "server-only";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import { loadSpeakerAliases } from "@/lib/data/speakers";
import { groupBySpeaker } from "@/lib/data/speakers-names";
import { databaseKind, sourceHostSql } from "@/lib/data/search-sql";
import { buildSearchSql, claimMonthSql, claimSearchSchema } from "@/lib/data/search-filters";
import { speakerVariants, toCount } from "@/lib/data/search";

// The dashboard's figures over the claims that match the current filters: top speakers
// (grouped as editors grouped them), most-cited sources and domains, and claims per month.
// Every tally is a GROUP BY in the database; only the speakers' top few hundred raw
// spellings are folded into groups here.

export type SpeakerTally = { name: string; variants: string[]; claims: number };
export type SourceTally = { url: string; title: string | null; domain: string; claims: number };
export type DomainTally = { domain: string; claims: number };
export type MonthTally = { month: string; claims: number };

export type ClaimStats = { speakers: SpeakerTally[]; sources: SourceTally[]; domains: DomainTally[]; months: MonthTally[] };

const TOP = 10;
/** Raw spellings read to fold into speaker groups: enough that a group's variants are all counted. */
const SPEAKER_SPELLINGS = 300;
/** At most this many months in the chart (the most recent ones). */
const MONTHS = 36;

/** Top speakers, most-cited sources and domains, and claims per month, over the filtered claims. */
export async function getClaimStats(maybeActor: Actor | null, input: unknown): Promise<ClaimStats> {
  requirePermission(maybeActor, "articles:read");
  const filters = parseInput(claimSearchSchema, input);
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
  const sourceRows = await db.$queryRawUnsafe<{ url: string; title: string | null; domain: string | null; n: unknown }[]>(
    `SELECT s."url" AS "url", s."title" AS "title", ${host} AS "domain", count(DISTINCT c."id") AS n
     FROM ${sql.from} JOIN "ClaimSource" cl ON cl."claimId" = c."id" JOIN "Source" s ON s."id" = cl."sourceId"
     WHERE ${sql.where} GROUP BY s."id", s."url", s."title", s."domain" ORDER BY n DESC, s."url" LIMIT ${TOP}`,
    ...values,
  );
  const domainRows = await db.$queryRawUnsafe<{ domain: string | null; n: unknown }[]>(
    `SELECT ${host} AS "domain", count(DISTINCT c."id") AS n
     FROM ${sql.from} JOIN "ClaimSource" cl ON cl."claimId" = c."id" JOIN "Source" s ON s."id" = cl."sourceId"
     WHERE ${sql.where} GROUP BY 1 ORDER BY n DESC, 1 LIMIT ${TOP}`,
    ...values,
  );
  const month = claimMonthSql(kind);
  const monthRows = await db.$queryRawUnsafe<{ month: string; n: unknown }[]>(
    `SELECT ${month} AS "month", count(*) AS n FROM ${sql.from} WHERE ${sql.where} GROUP BY 1 ORDER BY 1 DESC LIMIT ${MONTHS}`,
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
    sources: sourceRows.map((r) => ({ url: r.url, title: r.title, domain: r.domain ?? "", claims: toCount(r.n) })),
    domains: domainRows.map((r) => ({ domain: r.domain ?? "", claims: toCount(r.n) })),
    months: monthRows.map((r) => ({ month: r.month, claims: toCount(r.n) })).reverse(),
  };
}
