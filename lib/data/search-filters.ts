import "server-only";
import { z } from "zod";
import { CLAIM_TAGS, VERDICTS } from "@/lib/schemas/claim";
import { SOURCE_RELATIONS } from "@/lib/schemas/source";
import { isRealDay } from "@/lib/schemas/common";
import { REVIEW_STATES } from "@/lib/export/types";
import { type DatabaseKind, SqlParams, escapeLike, sourceHostSql, toFts5Query } from "@/lib/data/search-sql";
import { cleanTyped } from "@/lib/schemas/common";

// The filters of the cross-article claim search (/claims and GET /api/v1/claims), and the
// FROM … WHERE they become. Empty form fields mean "any".

const blankToUndefined = (v: unknown) =>
  typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v;
const text = (max: number, label: string) =>
  z.preprocess((v) => blankToUndefined(typeof v === "string" ? cleanTyped(v, "one") : v), z.string().max(max, `${label} must be at most ${max} characters`).optional());
const choice = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.preprocess(blankToUndefined, z.enum(values, { error: () => `${label} must be one of ${values.join(", ")}` }).optional());
const day = (label: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} must be a date such as 2025-03-18`)
      .refine(isRealDay, `${label} is not a real date`)
      .optional(),
  );

export const claimSearchSchema = z
  .object({
    // Both databases then agree: websearch_to_tsquery would read "-treaty" as "every claim
    // without treaty", FTS5 cannot, and neither indexes emoji or punctuation.
    q: text(300, "Search text").refine((q) => q === undefined || toFts5Query(q) !== null, {
      error: (issue) =>
        /[\p{L}\p{N}]/u.test(String(issue.input))
          ? 'Search for at least one word: a word with "-" before it only leaves claims out'
          : "Search text has no letters or digits to search for: emoji and punctuation are not indexed",
    }),
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
    page: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: "Page must be a whole number from 1 to 200" })
        .int("Page must be a whole number from 1 to 200")
        .min(1, "Page must be a whole number from 1 to 200")
        .max(200, "Page must be at most 200: narrow the search")
        .default(1),
    ),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "From must not be after To", path: ["to"] });

export type ClaimSearchFilters = z.output<typeof claimSearchSchema>;

/** The date a claim is dated by: its article's publication date, else its import date. */
export const CLAIM_DATE_SQL = `COALESCE(a."publishedAt", a."createdAt")`;

export type SearchSql = { from: string; where: string; params: SqlParams; ftsQuery: string | null; rankSql: string | null };

/**
 * FROM and WHERE for claims matching the filters (speaker variants are the alias-aware
 * spellings to match besides the speaker text itself). Orphaned and deleted claims never
 * match.
 */
export function buildSearchSql(kind: DatabaseKind, f: ClaimSearchFilters, speakerKeys: readonly string[] = []): SearchSql {
  const params = new SqlParams(kind);
  const where = [`c."deletedAt" IS NULL`];
  // Over every claim, SQLite reads the table front to back faster than it follows an index
  // (the speaker index, say) to rows spread over the file: measured 60 against 100 ms.
  const scan = kind === "sqlite" && isUnfiltered(f) ? " NOT INDEXED" : "";
  let from = `"Claim" c${scan} JOIN "Article" a ON a."id" = c."articleId"`;
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
      // Folded as the index is (claimtrack_search_text: accents and Unicode forms).
      const query = `websearch_to_tsquery('english', claimtrack_search_text(${params.add(f.q)}))`;
      where.push(`c."search" @@ ${query}`);
      rankSql = `-ts_rank(c."search", ${query})`;
    }
  }
  if (f.tag) where.push(f.tag === "untagged" ? `c."tag" IS NULL` : `c."tag" = ${params.add(f.tag)}`);
  if (f.verdict) where.push(f.verdict === "none" ? `c."verdict" IS NULL` : `c."verdict" = ${params.add(f.verdict)}`);
  if (f.reviewState) where.push(`a."reviewState" = ${params.add(f.reviewState)}`);
  if (f.speaker) {
    // Spellings are matched on the speaker index (distinct names only), then claims looked
    // up by spelling: a LIKE over every claim row costs ten times more at 100,000 claims.
    const like = (text: string) => `lower(sp."speaker") LIKE ${params.add(`%${escapeLike(text)}%`)} ESCAPE '\\'`;
    const alternatives = [f.speaker.toLowerCase(), ...speakerKeys].map(like);
    where.push(
      `c."speaker" IN (SELECT DISTINCT sp."speaker" FROM "Claim" sp WHERE sp."speaker" IS NOT NULL AND (${alternatives.join(" OR ")}))`,
    );
  }
  if (f.domain || f.relation) {
    // The set of citing claims is built once (and the host computed per source, not per
    // link), rather than probed for every claim.
    const inner: string[] = [];
    if (f.relation) inner.push(`cs."relation" = ${params.add(f.relation)}`);
    if (f.domain) {
      const host = sourceHostSql(kind);
      const exact = params.add(f.domain);
      const below = params.add(`%.${escapeLike(f.domain)}`);
      inner.push(
        `cs."sourceId" IN (SELECT s."id" FROM "Source" s WHERE ${host} = ${exact} OR ${host} LIKE ${below} ESCAPE '\\')`,
      );
    }
    where.push(`c."id" IN (SELECT cs."claimId" FROM "ClaimSource" cs WHERE ${inner.join(" AND ")})`);
  }
  if (f.from) where.push(dateBound(kind, params, ">=", f.from));
  if (f.to) where.push(dateBound(kind, params, "<=", f.to));
  // A new revision moves every claim it places onto itself; only orphaned claims stay behind
  // on an older revision (lib/data/revisions.ts), so this keeps the current text's claims.
  where.push(`c."anchorStatus" <> 'orphaned'`);
  return { from, where: where.join(" AND "), params, ftsQuery, rankSql };
}

/** True when no filter narrows the claims (the page number aside). */
export function isUnfiltered(f: ClaimSearchFilters): boolean {
  return !(f.q || f.tag || f.verdict || f.reviewState || f.speaker || f.domain || f.relation || f.from || f.to);
}

function dateBound(kind: DatabaseKind, params: SqlParams, op: ">=" | "<=", value: string): string {
  // SQLite keeps DateTime as ISO 8601 text, so the first ten characters are the UTC day.
  if (kind === "sqlite") return `substr(${CLAIM_DATE_SQL}, 1, 10) ${op} ${params.add(value)}`;
  // Spelled out per column rather than on COALESCE(…): PostgreSQL estimates each column
  // from its statistics, and a misestimate here made it pick a plan ten times slower.
  const bound = op === ">=" ? `>= ${params.add(value)}::date` : `< (${params.add(value)}::date + 1)`;
  return `(a."publishedAt" ${bound} OR (a."publishedAt" IS NULL AND a."createdAt" ${bound}))`;
}

/** The month a claim is dated in, as "YYYY-MM". */
export function claimMonthSql(kind: DatabaseKind): string {
  return kind === "sqlite" ? `substr(${CLAIM_DATE_SQL}, 1, 7)` : `to_char(${CLAIM_DATE_SQL}, 'YYYY-MM')`;
}
