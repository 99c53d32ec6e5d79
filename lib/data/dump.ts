import "server-only";
import { db, insertRows } from "@/lib/db";

/**
 * A full, lossless JSON export of the database, and its import into an empty database of
 * either kind (so it also moves an install from SQLite to PostgreSQL). Tables are listed
 * parents first (comments ordered so a reply follows what it answers); dates are tagged
 * {"$date": ISO} and bytes {"$bytes": base64} so they come back as such. Rate-limit
 * counters and presence are left out: they are transient.
 */
const TABLES = [
  "User",
  "ApiToken",
  "Blob",
  "Article",
  "ArticleRevision",
  "Source",
  "SourceSnapshot",
  "DomainRating",
  "Claim",
  "ClaimSource",
  "Comment",
  "ShareLink",
  "SpeakerAlias",
  "Job",
  "AuditEvent",
] as const;
type Table = (typeof TABLES)[number];

export const DUMP_FORMAT = "claimtrack-dump@1";
type Cell = string | number | boolean | null | { $date: string } | { $bytes: string };
export type Dump = { format: typeof DUMP_FORMAT; exportedAt: string; tables: Record<Table, Record<string, Cell>[]> };

type Delegate = { findMany: (args: { orderBy: object }) => Promise<Record<string, unknown>[]>; count: () => Promise<number> };
const KEY: Partial<Record<Table, string>> = { Blob: "sha256", DomainRating: "domain", SpeakerAlias: "alias" };
const orderOf = (table: Table): object => (table === "Comment" ? [{ createdAt: "asc" }, { id: "asc" }] : { [KEY[table] ?? "id"]: "asc" });

function encodeCell(v: unknown): Cell {
  if (v instanceof Date) return { $date: v.toISOString() };
  if (v instanceof Uint8Array) return { $bytes: Buffer.from(v).toString("base64") };
  return v as Cell;
}

function decodeCell(v: Cell | undefined): string | number | boolean | Date | Uint8Array | null {
  if (v === undefined || v === null || typeof v !== "object") return v ?? null;
  return "$date" in v ? new Date(v.$date) : Buffer.from(v.$bytes, "base64");
}
const delegate = (table: Table): Delegate => {
  const name = (table[0]!.toLowerCase() + table.slice(1)) as keyof typeof db;
  return db[name] as unknown as Delegate;
};

/** Every row of every table, in a stable order (by id). */
export async function exportEverything(): Promise<Dump> {
  const tables = {} as Dump["tables"];
  for (const table of TABLES) {
    const rows = await delegate(table).findMany({ orderBy: orderOf(table) });
    tables[table] = rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, encodeCell(v)])));
  }
  return { format: DUMP_FORMAT, exportedAt: new Date().toISOString(), tables };
}

/** Loads a dump into an empty database in one transaction; refuses a database with data. */
export async function importEverything(dump: Dump): Promise<Record<Table, number>> {
  if (dump.format !== DUMP_FORMAT) throw new Error(`Not a Claimtrack dump (format ${String(dump.format)})`);
  for (const table of TABLES) {
    if ((await delegate(table).count()) > 0) throw new Error(`The database is not empty (${table} has rows): import into a new database`);
  }
  const counts = {} as Record<Table, number>;
  await db.$transaction(
    async (tx) => {
      for (const table of TABLES) {
        const rows = dump.tables[table] ?? [];
        counts[table] = rows.length;
        if (rows.length === 0) continue;
        const columns = Object.keys(rows[0]!);
        await insertRows(
          tx,
          table,
          columns,
          rows.map((row) => columns.map((c) => decodeCell(row[c]))),
        );
      }
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  return counts;
}
