import "server-only";
import { z } from "zod";
import { CLAIM_TAGS, VERDICTS } from "@/lib/schemas/claim";
import { SOURCE_RELATIONS } from "@/lib/schemas/source";
import { REVIEW_STATES } from "@/lib/export/types";
import { type DatabaseKind, SqlParams, escapeLike, sourceHostSql, toFts5Query } from "@/lib/data/search-sql";

// The filters of the cross-article claim search (/claims and GET /api/v1/claims), and the
// FROM … WHERE they become. Empty form fields mean "any".

const blankToUndefined = (v: unknown) =>
  typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v;
const text = (max: number, label: string) =>
  z.preprocess(blankToUndefined, z.string().max(max, `${label} must be at most ${max} characters`).optional());
const choice = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.preprocess(blankToUndefined, z.enum(values, { error: () => `${label} must be one of ${values.join(", ")}` }).optional());
const day = (label: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} must be a date such as 2025-03-18`)
      .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), `${label} is not a real date`)
      .optional(),
  );

export const claimSearchSchema = z
  .object({
    q: text(300, "Search text"),
    tag: choice([...CLAIM_TAGS, "untagged"] as const, "Tag"),
    verdict: choice([...VERDICTS, "none"] as const, "Verdict"),
    reviewState: choice(REVIEW_STATES, "Review state"),
    speaker: text(300, "Speaker"),
    domain: z.preprocess(
      (v) =>
        typeof v === "string"
          ? blankToUndefined(
              v
                .toLowerCase()
                .replace(/^https?:\/\//, "")
                .replace(/^www\./, "")
                .replace(/\/.*$/, ""),
            )
          : v,
      z.string().max(253, "Domain must be at most 253 characters").optional(),
    ),
    relation: choice(SOURCE_RELATIONS, "Relation"),
    from: day("From"),
    to: day("To"),
    page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "From must not be after To", path: ["to"] });

export type ClaimSearchFilters = z.output<typeof claimSearchSchema>;

/** The date a claim is dated by: its article's publication date, else its import date. */
export const CLAIM_DATE_SQL = `COALESCE(a."publishedAt", a."createdAt")`;

export type SearchSql = { from: string; where: string; params: SqlParams; ftsQuery: string | null; rankSql: string | null };

/**
 * FROM and WHERE for claims matching the filters (speaker variants are the alias-aware
 * spellings to match besides the speaker text itself). Claims of an older revision and
 * deleted claims never match.
 */
export function buildSearchSql(kind: DatabaseKind, f: ClaimSearchFilters, speakerKeys: readonly string[] = []): SearchSql {
  const params = new SqlParams(kind);
  const where = [`c."deletedAt" IS NULL`];
  let from = `"Claim" c JOIN "Article" a ON a."id" = c."articleId"`;
  let ftsQuery: string | null = null;
  let rankSql: string | null = null;
  if (f.q) {
    if (kind === "sqlite") {
      ftsQuery = toFts5Query(f.q);
      // Nothing searchable (only punctuation): match nothing rather than everything.
      if (ftsQuery === null) where.push("1 = 0");
      else {
        from += ` JOIN claim_fts ON claim_fts.rowid = c.rowid`;
        where.push(`claim_fts MATCH ${params.add(ftsQuery)}`);
        rankSql = `bm25(claim_fts)`;
      }
    } else {
      ftsQuery = f.q;
      const query = `websearch_to_tsquery('english', ${params.add(f.q)})`;
      where.push(`c."search" @@ ${query}`);
      rankSql = `-ts_rank(c."search", ${query})`;
    }
  }
  if (f.tag) where.push(f.tag === "untagged" ? `c."tag" IS NULL` : `c."tag" = ${params.add(f.tag)}`);
  if (f.verdict) where.push(f.verdict === "none" ? `c."verdict" IS NULL` : `c."verdict" = ${params.add(f.verdict)}`);
  if (f.reviewState) where.push(`a."reviewState" = ${params.add(f.reviewState)}`);
  if (f.speaker) {
    const alternatives = [`lower(c."speaker") LIKE ${params.add(`%${escapeLike(f.speaker.toLowerCase())}%`)} ESCAPE '\\'`];
    for (const key of speakerKeys) alternatives.push(`lower(c."speaker") LIKE ${params.add(`%${escapeLike(key)}%`)} ESCAPE '\\'`);
    where.push(`(${alternatives.join(" OR ")})`);
  }
  if (f.domain || f.relation) {
    const inner = [`cs."claimId" = c."id"`];
    if (f.relation) inner.push(`cs."relation" = ${params.add(f.relation)}`);
    if (f.domain) {
      const host = sourceHostSql(kind);
      inner.push(`(${host} = ${params.add(f.domain)} OR ${host} LIKE ${params.add(`%.${escapeLike(f.domain)}`)} ESCAPE '\\')`);
    }
    where.push(`EXISTS (SELECT 1 FROM "ClaimSource" cs JOIN "Source" s ON s."id" = cs."sourceId" WHERE ${inner.join(" AND ")})`);
  }
  if (f.from) where.push(dateBound(kind, params, ">=", f.from));
  if (f.to) where.push(dateBound(kind, params, "<=", f.to));
  where.push(
    `c."revisionId" = (SELECT r."id" FROM "ArticleRevision" r WHERE r."articleId" = c."articleId" ORDER BY r."number" DESC LIMIT 1)`,
  );
  return { from, where: where.join(" AND "), params, ftsQuery, rankSql };
}

function dateBound(kind: DatabaseKind, params: SqlParams, op: ">=" | "<=", value: string): string {
  // SQLite keeps DateTime as ISO 8601 text, so the first ten characters are the UTC day.
  if (kind === "sqlite") return `substr(${CLAIM_DATE_SQL}, 1, 10) ${op} ${params.add(value)}`;
  return op === ">=" ? `${CLAIM_DATE_SQL} >= ${params.add(value)}::date` : `${CLAIM_DATE_SQL} < (${params.add(value)}::date + 1)`;
}

/** The month a claim is dated in, as "YYYY-MM". */
export function claimMonthSql(kind: DatabaseKind): string {
  return kind === "sqlite" ? `substr(${CLAIM_DATE_SQL}, 1, 7)` : `to_char(${CLAIM_DATE_SQL}, 'YYYY-MM')`;
}
