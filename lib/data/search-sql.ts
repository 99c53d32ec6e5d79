import "server-only";
import { env } from "@/lib/env";

// SQL pieces shared by the claim search (lib/data/search.ts) and "already checked"
// (lib/data/similar-claims.ts). Full-text matching runs in the database: SQLite FTS5
// (table claim_fts, external content on "Claim", joined by rowid) or PostgreSQL's
// "Claim"."search" tsvector with its GIN index. User text only ever reaches SQL as a
// bound parameter; FTS5 query syntax is built here from letters and digits only.

export type DatabaseKind = "sqlite" | "postgresql";

/** The kind of database this process talks to. */
export function databaseKind(): DatabaseKind {
  return env.databaseKind;
}

/** Collects WHERE conditions and their parameters with the right placeholder style. */
export class SqlParams {
  readonly values: unknown[] = [];
  constructor(readonly kind: DatabaseKind) {}

  /** Adds a parameter and returns its placeholder ($n on PostgreSQL, ? on SQLite). */
  add(value: unknown): string {
    this.values.push(value);
    return this.kind === "postgresql" ? `$${this.values.length}` : "?";
  }
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a text as FTS5 quoted strings ("word"), which cannot carry query syntax. */
function quotedWords(text: string): string[] {
  return (text.normalize("NFKC").match(WORD) ?? []).map((w) => `"${w}"`);
}

/**
 * Translates a search box's text into an FTS5 query with the meaning PostgreSQL's
 * websearch_to_tsquery gives it: words are ANDed, "quoted text" is a phrase, "or" between
 * two terms makes an alternative and a leading "-" excludes a term. Null when nothing is
 * left to search for.
 */
export function toFts5Query(input: string): string | null {
  const groups: string[][] = [];
  const excluded: string[] = [];
  let joinNext = false;
  for (const m of input.matchAll(/(-?)"([^"]*)"?|(-?)([^\s"]+)/g)) {
    const negative = (m[1] ?? m[3]) === "-";
    const raw = m[2] ?? m[4] ?? "";
    if (m[2] === undefined && /^or$/i.test(raw)) {
      joinNext = groups.length > 0;
      continue;
    }
    const words = quotedWords(raw);
    if (words.length === 0) continue;
    const term = words.length === 1 ? words[0]! : `"${words.map((w) => w.slice(1, -1)).join(" ")}"`;
    if (negative) excluded.push(term);
    else if (joinNext) groups[groups.length - 1]!.push(term);
    else groups.push([term]);
    joinNext = false;
  }
  if (groups.length === 0) return null;
  const positive = groups.map((g) => (g.length === 1 ? g[0]! : `(${g.join(" OR ")})`)).join(" AND ");
  const isCompound = groups.length > 1 || groups[0]!.length > 1;
  return excluded.reduce((q, term) => `${q} NOT ${term}`, isCompound ? `(${positive})` : positive);
}

// Words too common to find "the same claim" by: FTS5 has no stop-word list of its own.
const STOP_WORDS = new Set(
  (
    "a an and are as at be been but by for from had has have he her his i in into is it its of on or our said says " +
    "she that the their them there they this to was we were which who will with would not no than then also about " +
    "after over more most can could should may might one two new"
  ).split(" "),
);

/** The distinctive words of a claim (no stop words, three letters or more), at most `limit`, longest first. */
export function distinctiveWords(text: string, limit = 12): string[] {
  const seen = new Set<string>();
  for (const w of text.normalize("NFKC").toLowerCase().match(WORD) ?? []) {
    if (w.length >= 3 && !STOP_WORDS.has(w)) seen.add(w);
  }
  return [...seen].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).slice(0, limit);
}

/**
 * The source's host for domain filters and tallies: the stored domain when the source has
 * one, otherwise the host part of its URL, without "www.".
 */
export function sourceHostSql(kind: DatabaseKind, alias = "s"): string {
  const url = `${alias}."url"`;
  const fromUrl =
    kind === "postgresql"
      ? `substring(lower(${url}) from '^[a-z][a-z0-9+.-]*://(?:[^/@]*@)?([^/:?#]+)')`
      : `lower(CASE WHEN instr(substr(${url}, instr(${url}, '://') + 3), '/') > 0
           THEN substr(substr(${url}, instr(${url}, '://') + 3), 1, instr(substr(${url}, instr(${url}, '://') + 3), '/') - 1)
           ELSE substr(${url}, instr(${url}, '://') + 3) END)`;
  const host = `COALESCE(lower(${alias}."domain"), ${fromUrl})`;
  return `(CASE WHEN ${host} LIKE 'www.%' THEN substr(${host}, 5) ELSE ${host} END)`;
}

/** Escapes LIKE wildcards so user text matches literally (with ESCAPE '\\'). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
