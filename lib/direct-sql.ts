import { AsyncLocalStorage } from "node:async_hooks";
import Database from "better-sqlite3";
import pg from "pg";

/**
 * Plain SQL straight through the database driver. Prisma's raw queries pass every
 * statement and every row through its client runtime: about 0.7 ms for `SELECT 1` on
 * SQLite, against a few microseconds here (measured; see BENCHMARKS.md). The hot paths run
 * several such statements a request.
 *
 * - Reads outside a transaction: on SQLite a read-only connection of its own, on
 *   PostgreSQL the pool that Prisma's adapter also uses.
 * - Statements inside a Prisma transaction too: they run on the very connection that
 *   holds it, as Prisma's adapter would run them (transactionStatements below). On SQLite
 *   that is the one writer connection; on PostgreSQL it is the pool client the adapter
 *   took for that transaction.
 *
 * Rows come back as Prisma's `$queryRaw` gives them, so callers need not know which path
 * ran: dates as Date, booleans as boolean, 64-bit integers (COUNT(*)) as bigint, bytes as
 * Uint8Array. Parameters are converted as the Prisma adapters convert them.
 */
export type DirectReader = {
  /** The rows of a read; null when the statement writes, which must go through Prisma's writer. */
  rows<T>(text: string, params: readonly unknown[]): Promise<T[]> | null;
  close(): Promise<void>;
};

/** Statements inside one transaction, on the connection that holds it. */
export type DirectWriter = {
  rows<T>(text: string, params: readonly unknown[]): Promise<T[]>;
  run(text: string, params: readonly unknown[]): Promise<number>;
};

type Convert = (value: unknown) => unknown;
type ToObject = (row: readonly unknown[], convert: readonly Convert[]) => Record<string, unknown>;
type Prepared = { statement: Database.Statement; toObject: ToObject; convert: Convert[] } | null;

const asIs: Convert = (v) => v;
const toDate: Convert = (v) => (v === null ? null : new Date(typeof v === "string" ? v : Number(v)));
const toBoolean: Convert = (v) => (v === null ? null : typeof v === "string" ? v === "true" || v === "1" : Number(v) === 1);
const toInt: Convert = (v) => (v === null ? null : Math.trunc(Number(v)));
const toBigInt: Convert = (v) => (v === null ? null : typeof v === "bigint" ? v : BigInt(Math.trunc(Number(v))));
const toNumber: Convert = (v) => (v === null ? null : Number(v));
/** Bytes as a plain Uint8Array; anything else as it is, so for a column without a declared
 * type (an expression) integers stay bigint, as in Prisma. */
const toBytes: Convert = (v) => (v instanceof Uint8Array ? new Uint8Array(v) : v);
const toJson: Convert = (v) => (typeof v === "string" ? (JSON.parse(v) as unknown) : v);

/** The conversion for a SQLite column's declared type, as @prisma/adapter-better-sqlite3 maps them. */
function sqliteConvert(declared: string | null): Convert {
  switch ((declared ?? "").toUpperCase()) {
    case "":
      return toBytes;
    case "DATETIME":
    case "TIMESTAMP":
    case "DATE":
      return toDate;
    case "BOOLEAN":
      return toBoolean;
    case "TINYINT":
    case "SMALLINT":
    case "MEDIUMINT":
    case "INT":
    case "INTEGER":
    case "SERIAL":
    case "INT2":
      return toInt;
    case "BIGINT":
    case "UNSIGNED BIG INT":
    case "INT8":
      return toBigInt;
    case "DECIMAL":
    case "FLOAT":
    case "DOUBLE":
    case "DOUBLE PRECISION":
    case "NUMERIC":
    case "REAL":
      return toNumber;
    case "BLOB":
      return toBytes;
    case "JSONB":
      return toJson;
    default:
      return asIs;
  }
}

/** A parameter as the SQLite adapter writes it: booleans as 1/0, dates as ISO 8601 text, bytes as a Buffer. */
function sqliteParam(value: unknown): unknown {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (ArrayBuffer.isView(value) && !Buffer.isBuffer(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return value;
}

const MAX_STATEMENTS = 1000;

/** Prepared statements of one connection, cached by text (cleared when too many). */
class StatementCache {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly shapes = new Map<Database.Statement, Prepared>();

  constructor(readonly connection: Database.Database) {}

  statement(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      if (this.statements.size >= MAX_STATEMENTS) {
        this.statements.clear();
        this.shapes.clear();
      }
      statement = this.connection.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** The statement ready to return rows as objects; null for one that returns none. */
  reading(text: string): Prepared {
    const statement = this.statement(text);
    if (this.shapes.has(statement)) return this.shapes.get(statement)!;
    let entry: Prepared = null;
    if (statement.reader) {
      statement.raw(true);
      const columns = statement.columns();
      entry = { statement, toObject: objectMaker(columns.map((c) => c.name)), convert: columns.map((c) => sqliteConvert(c.type)) };
    }
    this.shapes.set(statement, entry);
    return entry;
  }
}

function allRows<T>({ statement, toObject, convert }: NonNullable<Prepared>, params: readonly unknown[]): T[] {
  const values = statement.all(...params.map(sqliteParam)) as unknown[][];
  return values.map((row) => toObject(row, convert) as T);
}

/** Runs fn and hands back its result or its error as a promise, like the async paths. */
function settle<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (error) {
    return Promise.reject(error as Error);
  }
}

/**
 * A read-only connection of its own (WAL: it sees committed data and never waits for the
 * writer) with its prepared statements cached by text.
 */
export function sqliteReader(url: string, timeoutMs: number): DirectReader {
  let cache: StatementCache | null = null;
  const open = (): StatementCache => {
    if (!cache?.connection.open) {
      const connection = new Database(url.replace(/^file:/, ""), { readonly: true, timeout: timeoutMs });
      connection.defaultSafeIntegers(true);
      cache = new StatementCache(connection);
    }
    return cache;
  };
  return {
    rows<T>(text: string, params: readonly unknown[]) {
      let entry: Prepared;
      try {
        const statements = open();
        entry = statements.statement(text).readonly ? statements.reading(text) : null;
      } catch (error) {
        return Promise.reject(error as Error);
      }
      return entry ? settle(() => allRows<T>(entry, params)) : null;
    },
    close: async () => {
      cache?.connection.close();
      cache = null;
    },
  };
}

const sqliteCaches = new WeakMap<Database.Database, StatementCache>();

/** Statements on the better-sqlite3 connection that holds a transaction (Prisma's writer connection). */
function sqliteStatements(client: unknown): DirectWriter | null {
  const connection = client as Database.Database | undefined;
  if (typeof connection?.prepare !== "function") return null;
  let cache = sqliteCaches.get(connection);
  if (!cache) sqliteCaches.set(connection, (cache = new StatementCache(connection)));
  const statements = cache;
  return {
    rows: <T>(text: string, params: readonly unknown[]) =>
      settle(() => {
        const entry = statements.reading(text);
        if (!entry) throw new Error("queryRows needs a statement that returns rows; use executeSql");
        return allRows<T>(entry, params);
      }),
    run: (text, params) => settle(() => Number(statements.statement(text).run(...params.map(sqliteParam)).changes)),
  };
}

/**
 * A function that turns a row (an array) into an object with these keys, written as one
 * object literal. Objects built key by key in a loop end up in V8's slow dictionary mode,
 * which made every later spread of a claim row cost about 20 µs (measured: 2 ms for an
 * article of 100 claims, more than its two queries). The names are JSON-quoted, so any
 * column alias is safe in the generated source.
 */
function objectMaker(names: readonly string[]): ToObject {
  const fields = names.map((name, i) => `${JSON.stringify(name)}: c[${i}](r[${i}] ?? null)`);
  return new Function("r", "c", `return { ${fields.join(", ")} };`) as ToObject;
}

// PostgreSQL type ids whose text form node-postgres would parse otherwise than Prisma.
const BYTEA = 17;
const INT8 = 20;
const DATE = 1082;
const TIMESTAMP = 1114;
const pgParsers: Record<number, (text: string) => unknown> = {
  [INT8]: (text) => BigInt(text),
  [BYTEA]: (text) => new Uint8Array(pg.types.getTypeParser(BYTEA, "text")(text) as Buffer),
  // timestamp(3) without time zone holds UTC; node-postgres would read it as local time.
  [TIMESTAMP]: (text) => new Date(`${text.replace(" ", "T")}Z`),
  [DATE]: (text) => new Date(`${text}T00:00:00Z`),
};
const pgTypes = {
  getTypeParser: (oid: number, format?: string) => (format !== "binary" && pgParsers[oid]) || pg.types.getTypeParser(oid, format as "text"),
} as pg.CustomTypesConfig;

/** A parameter as the PostgreSQL adapter writes it: dates in UTC, bytes as a Buffer. */
function pgParam(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (ArrayBuffer.isView(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return value;
}

/** A statement on one PostgreSQL connection, rows shaped as Prisma's `$queryRaw` shapes them. */
function pgQuery(client: pg.Pool | pg.PoolClient, text: string, params: readonly unknown[]): Promise<pg.QueryResult> {
  return client.query({ text, values: params.map(pgParam), types: pgTypes });
}

async function pgRows<T>(client: pg.Pool | pg.PoolClient, text: string, params: readonly unknown[]): Promise<T[]> {
  return (await pgQuery(client, text, params)).rows as T[];
}

/** Reads on the pool that Prisma's adapter also uses (so the pool size still caps the connections). */
export function postgresReader(pool: pg.Pool): DirectReader {
  return {
    rows: <T>(text: string, params: readonly unknown[]) => pgRows<T>(pool, text, params),
    close: async () => {
      // The pool belongs to the Prisma client, which ends it on $disconnect.
    },
  };
}

/** Statements on the node-postgres pool client that holds a transaction. */
function postgresStatements(client: unknown): DirectWriter | null {
  const connection = client as pg.PoolClient | undefined;
  if (typeof connection?.query !== "function") return null;
  return {
    rows: <T>(text: string, params: readonly unknown[]) => pgRows<T>(connection, text, params),
    run: async (text, params) => (await pgQuery(connection, text, params)).rowCount ?? 0,
  };
}

/** What Prisma's adapters hand back from startTransaction: both keep the transaction's connection as `client`. */
type AdapterTransaction = {
  client?: unknown;
  executeRaw(query: { sql: string }): Promise<number>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
};
type Slot = { statements: DirectWriter | null; ended: boolean };
type AdapterFactory = { connect(): Promise<{ startTransaction(...args: never[]): Promise<unknown> }> };

/**
 * Plain SQL inside Prisma's interactive transactions, straight on the connection that
 * holds each one. Prisma runs a transaction's raw statements one at a time through its
 * client runtime: on PostgreSQL a transaction of three statements took 3.1 ms of CPU
 * through Prisma against 1.7 ms this way (measured; see BENCHMARKS.md). Prisma still
 * begins, commits and rolls back; only the statements skip its runtime.
 *
 * `capture` wraps the adapter so that each transaction it starts reports its connection to
 * the `run` that asked for it (an AsyncLocalStorage slot: several transactions run at once,
 * each on its own PostgreSQL connection). `run` wraps `$transaction`, and `writer(tx)` gives
 * the statements of the transaction whose client is `tx`.
 *
 * Once Prisma commits or rolls back (also when the transaction timed out while its
 * callback still ran), the statements refuse to run, as Prisma's own would. Otherwise a
 * late statement would run on the connection after the transaction, committed on its own,
 * or inside another request's transaction.
 */
export function transactionStatements(kind: "sqlite" | "postgresql") {
  const connect = kind === "sqlite" ? sqliteStatements : postgresStatements;
  const slots = new AsyncLocalStorage<Slot>();
  const writers = new WeakMap<object, DirectWriter>();
  return {
    /** Makes the adapter's transactions report their connection (call on the factory, before Prisma connects). */
    capture<F extends AdapterFactory>(factory: F): F {
      const connectAdapter = factory.connect.bind(factory);
      factory.connect = async () => {
        const adapter = await connectAdapter();
        const start = adapter.startTransaction.bind(adapter) as (...args: unknown[]) => Promise<AdapterTransaction>;
        adapter.startTransaction = (async (...args: unknown[]) => {
          const transaction = await start(...args);
          // Only a `run` that has not got its transaction yet takes one (not a batch
          // transaction, which has no slot). Should an adapter upgrade stop keeping the
          // connection as `client`, statements go through Prisma as before (slower, not
          // wrong), and direct-sql.test.ts fails.
          const slot = slots.getStore();
          const statements = slot && !slot.statements ? connect(transaction.client) : null;
          if (slot && statements) {
            slot.statements = statements;
            // Prisma ends a transaction with a COMMIT or ROLLBACK statement of its own, then
            // calls commit() or rollback() (or only those, where the driver ends it).
            const execute = transaction.executeRaw.bind(transaction);
            transaction.executeRaw = (query) => {
              if (/^\s*(COMMIT|ROLLBACK)\s*;?\s*$/i.test(query.sql)) slot.ended = true; // not ROLLBACK TO SAVEPOINT
              return execute(query);
            };
            for (const end of ["commit", "rollback"] as const) {
              const original = transaction[end].bind(transaction);
              transaction[end] = () => {
                slot.ended = true;
                return original();
              };
            }
          }
          return transaction;
        }) as typeof adapter.startTransaction;
        return adapter;
      };
      return factory;
    },
    /** Runs Prisma's interactive transaction so that `writer(tx)` finds its connection. */
    run<Tx extends object, T>(begin: (fn: (tx: Tx) => Promise<T>) => Promise<T>, fn: (tx: Tx) => Promise<T>): Promise<T> {
      const slot: Slot = { statements: null, ended: false };
      return slots.run(slot, () =>
        begin((tx) => {
          const statements = slot.statements;
          if (statements) {
            const ended = () =>
              Promise.reject(new Error("This transaction has ended (committed, rolled back or timed out): the statement did not run"));
            writers.set(tx, {
              rows: <R>(text: string, params: readonly unknown[]) => (slot.ended ? ended() : statements.rows<R>(text, params)),
              run: (text, params) => (slot.ended ? ended() : statements.run(text, params)),
            });
          }
          return fn(tx);
        }),
      );
    },
    writer: (tx: object): DirectWriter | null => writers.get(tx) ?? null,
  };
}
