import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgresql/client";
import { env } from "@/lib/env";
import { type DirectReader, type DirectWriter, postgresReader, sqliteReader, transactionStatements } from "@/lib/direct-sql";
import { escapeLike } from "@/lib/data/search-sql";
import { AppError } from "@/lib/errors";
export { sortableId } from "@/lib/sortable-id";

/**
 * The database client. Both generated clients (one per schema file, see
 * scripts/db-schemas.ts) have the same models; the app uses the SQLite client's types
 * and only the features both databases share.
 */
export type Db = PrismaClient;
/** The client type inside db.$transaction(async (tx) => ...). */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** The driver's own paths (lib/direct-sql.ts): reads outside transactions, and the statements of a transaction `tx`. */
type Direct = { reader: DirectReader; writer: (tx: object) => DirectWriter | null };

function createDatabase(): { client: PrismaClient } & Direct {
  if (env.databaseKind === "postgresql") {
    // One pool for Prisma and for the direct statements (lib/direct-sql.ts).
    const pool = new pg.Pool({ connectionString: env.databaseUrl, max: env.DATABASE_POOL_SIZE });
    const transactions = transactionStatements("postgresql");
    const adapter = transactions.capture(new PrismaPg(pool, { disposeExternalPool: true }));
    const client = new PostgresClient({ adapter }) as unknown as PrismaClient;
    return { client: withTransactionStatements(client, transactions), reader: postgresReader(pool), writer: transactions.writer };
  }
  const transactions = transactionStatements("sqlite");
  const writer = new PrismaClient({ adapter: transactions.capture(new PrismaBetterSQLite3({ url: env.databaseUrl, timeout: 10_000 })) });
  const reader = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: env.databaseUrl, timeout: 10_000, readonly: true }) });
  const direct = sqliteReader(env.databaseUrl, 10_000);
  return { client: withReadConnection(withTransactionStatements(writer, transactions), reader, direct), reader: direct, writer: transactions.writer };
}

/**
 * Interactive transactions (`$transaction(async (tx) => …)`) run through lib/direct-sql.ts
 * so that their plain SQL goes straight to the connection that holds each one. The batch
 * form is left alone.
 */
function withTransactionStatements(client: PrismaClient, transactions: ReturnType<typeof transactionStatements>): PrismaClient {
  return new Proxy(client, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop);
      if (prop !== "$transaction") return typeof value === "function" ? value.bind(target) : value;
      return (arg: unknown, options?: object) =>
        typeof arg === "function"
          ? transactions.run<Tx, unknown>((fn) => target.$transaction(fn, options), arg as (tx: Tx) => Promise<unknown>)
          : target.$transaction(arg as never, options as never);
    },
  });
}

const READS = new Set(["findFirst", "findFirstOrThrow", "findMany", "findUnique", "findUniqueOrThrow", "groupBy", "aggregate", "count"]);
const RAW_READS = new Set(["$queryRaw", "$queryRawUnsafe"]);

/**
 * On SQLite, one connection runs every transaction and write, and reads outside a
 * transaction go to a second, read-only connection. The driver adapter runs a
 * transaction's statements on its connection as they come, between other requests'
 * statements, so a read on that same connection saw the transaction's uncommitted rows
 * (tests/integration/isolation.test.ts). In WAL mode the second connection reads only
 * committed data and never waits for the writer. (On PostgreSQL the pool already gives
 * each transaction its own connection.) Transactions (`tx`) are the writer's own client,
 * so everything inside them stays on the writer.
 */
function withReadConnection(writer: PrismaClient, reader: PrismaClient, direct: DirectReader): PrismaClient {
  const models = new Map<string, unknown>();
  return new Proxy(writer, {
    get(target, prop) {
      if (prop === "$connect" || prop === "$disconnect") {
        return async () => void (await Promise.all([writer[prop](), reader[prop](), prop === "$disconnect" ? direct.close() : null]));
      }
      const source = typeof prop === "string" && RAW_READS.has(prop) ? reader : target;
      const value: unknown = Reflect.get(source, prop);
      if (typeof value === "function") return value.bind(source);
      if (typeof prop !== "string" || prop.startsWith("$") || typeof value !== "object" || value === null || !("findMany" in value)) {
        return value;
      }
      // A model: its reads go to the reader's same model.
      let model = models.get(prop);
      if (!model) {
        const readModel = Reflect.get(reader, prop) as object;
        model = new Proxy(value, {
          get: (delegate, op) => {
            const from = typeof op === "string" && READS.has(op) ? readModel : delegate;
            const fn: unknown = Reflect.get(from, op);
            return typeof fn === "function" ? fn.bind(from) : fn;
          },
        });
        models.set(prop, model);
      }
      return model;
    },
  });
}

const globalForDb = globalThis as unknown as { claimtrackDb?: { client: PrismaClient } & Direct };
const database = globalForDb.claimtrackDb ?? createDatabase();
if (env.NODE_ENV !== "production") globalForDb.claimtrackDb = database;

/** The one database client of the process. */
export const db: PrismaClient = database.client;

/**
 * A Prisma filter for rows where any of `columns` contains `text` literally, ignoring the
 * case of ASCII letters (of every letter on PostgreSQL). Prisma's `contains` is SQL LIKE
 * and leaves `%` and `_` as wildcards (prisma/orm#19506), so "100%" found every title
 * with "100" in it. PostgreSQL's LIKE escapes with a backslash, so the text is escaped.
 * SQLite's LIKE escapes only with an ESCAPE clause, which Prisma never writes: there,
 * text with a wildcard in it is matched by instr() in plain SQL, and the filter names
 * the matching ids. `table` and `columns` are names from the code, never user input.
 */
export async function containsText<C extends string>(
  table: string,
  columns: readonly C[],
  text: string,
  maxIds = MAX_LITERAL_MATCHES,
): Promise<{ OR: { [K in C]?: { contains: string } }[] } | { id: { in: string[] } }> {
  const filter = (contains: object) => ({ OR: columns.map((c) => ({ [c]: contains }) as { [K in C]?: { contains: string } }) });
  if (env.databaseKind === "postgresql") return filter({ contains: escapeLike(text), mode: "insensitive" });
  if (!/[%_]/.test(text)) return filter({ contains: text });
  const test = columns.map((c) => `instr(lower("${c}"), lower(?)) > 0`).join(" OR ");
  const rows = await queryRows<{ id: string }>(db, `SELECT "id" FROM "${table}" WHERE ${test} LIMIT ${maxIds + 1}`, ...columns.map(() => text));
  // Each id is one of the statement's variables, and SQLite takes at most 32,766.
  if (rows.length > maxIds) {
    throw new AppError("validation_failed", `More than ${maxIds.toLocaleString("en-US")} records contain "${text}": add to the search to narrow it`, {
      fields: { q: ["Add to the search to narrow it"] },
    });
  }
  return { id: { in: rows.map((r) => r.id) } };
}

/** The most ids containsText hands Prisma on SQLite (see there). */
export const MAX_LITERAL_MATCHES = 30_000;

/** A value insertRows writes into one column. */
export type Cell = string | number | boolean | Date | Uint8Array | null;

/**
 * Inserts many rows with multi-row INSERT statements, inside the caller's transaction.
 * Prisma's createMany compiles every row through its query compiler (about 0.6 ms a
 * row here, measured); plain SQL is about eight times faster, which matters for imports
 * of thousands of claims. Ids and every NOT NULL column without a database default
 * (such as updatedAt) must be given.
 */
export async function insertRows(tx: Tx, table: string, columns: readonly string[], rows: readonly Cell[][]): Promise<void> {
  const perChunk = Math.max(1, Math.floor(30_000 / columns.length));
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `;
  const row = `(${columns.map(() => "?").join(", ")})`;
  for (let i = 0; i < rows.length; i += perChunk) {
    const chunk = rows.slice(i, i + perChunk);
    // Booleans become 1 and 0 on SQLite where every parameter is converted (lib/direct-sql.ts).
    await executeSql(tx, head + chunk.map(() => row).join(", "), ...chunk.flat());
  }
}

/**
 * Plain SQL with `?` placeholders, numbered `$1, $2…` on PostgreSQL. Quote every
 * identifier ("Claim"."articleId"); the text must hold no other `?`, so values always go
 * in as parameters.
 */
export function sqlText(text: string): string {
  if (env.databaseKind !== "postgresql") return text;
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

/**
 * Runs a plain SQL query and returns its rows. Prisma plans each of its own queries afresh
 * in its query compiler (about 6 ms for an article of 100 claims, measured); the hot read
 * paths use this instead. Outside a transaction (client is `db`) a read goes straight to
 * the driver (lib/direct-sql.ts); inside one it runs straight on the connection that holds
 * the transaction.
 * Date columns come back as Date, and COUNT(*) as a bigint, on both databases.
 */
export function queryRows<T>(client: Tx, text: string, ...params: unknown[]): Promise<T[]> {
  const sql = sqlText(text);
  if (client !== db) return database.writer(client)?.rows<T>(sql, params) ?? client.$queryRawUnsafe<T[]>(sql, ...params);
  // A statement that writes (UPDATE … RETURNING) belongs on the writer: a transaction of its own.
  return database.reader.rows<T>(sql, params) ?? db.$transaction((tx) => queryRows<T>(tx, text, ...params));
}

/** Whether a transaction's plain SQL goes straight to its connection (for tests: otherwise it falls back to Prisma). */
export function runsOnDriver(tx: Tx): boolean {
  return database.writer(tx) !== null;
}

/** Runs a plain SQL statement (placeholders as for queryRows) and returns the number of rows it changed. */
export function executeSql(client: Tx, text: string, ...params: unknown[]): Promise<number> {
  const sql = sqlText(text);
  // Inside a transaction: straight on the connection that holds it (db itself has none).
  return database.writer(client)?.run(sql, params) ?? client.$executeRawUnsafe(sql, ...params);
}

