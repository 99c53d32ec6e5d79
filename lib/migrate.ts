import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";

/**
 * Applies pending SQL migrations from prisma/migrations/<database>/<name>/migration.sql
 * in name order, each in its own transaction, recording name and checksum in
 * claimtrack_migrations. A migration changed after it was applied is an error. We run them ourselves rather than through `prisma migrate
 * deploy` because that command fails on PostgreSQL here (prisma/orm#27403) and one
 * mechanism for both databases is easier to trust.
 */

export type Migration = { name: string; sql: string; checksum: string };

const MIGRATIONS_ROOT = path.join(import.meta.dirname, "..", "prisma", "migrations");

/** Lists the migrations for a database kind, oldest first. */
export function listMigrations(kind: "sqlite" | "postgresql"): Migration[] {
  const dir = path.join(MIGRATIONS_ROOT, kind);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

/** Applies pending migrations to an SQLite file (created if missing); returns the names applied. */
export function migrateSqlite(databaseUrl: string): string[] {
  const file = databaseUrl.replace(/^file:/, "");
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const conn = new Database(file, { timeout: 10_000 });
  try {
    // WAL lets readers work while an import writes; the setting persists in the file.
    conn.pragma("journal_mode = WAL");
    keepPrivate(file);
    conn.exec(`CREATE TABLE IF NOT EXISTS claimtrack_migrations (
      name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const applied = new Map(
      conn
        .prepare("SELECT name, checksum FROM claimtrack_migrations")
        .all()
        .map((row) => {
          const r = row as { name: string; checksum: string };
          return [r.name, r.checksum] as const;
        }),
    );
    const done: string[] = [];
    for (const m of listMigrations("sqlite")) {
      if (checkApplied(m, applied)) continue;
      // SQLite's way to change tables (https://www.sqlite.org/lang_altertable.html): with
      // foreign keys off, Prisma's "create new table, copy, drop old" neither cascades nor
      // trips the audit log's triggers; the keys are checked again before committing.
      // (PRAGMA foreign_keys cannot change inside a transaction, so it is set around it.)
      conn.pragma("foreign_keys = OFF");
      try {
        conn.transaction(() => {
          conn.exec(m.sql);
          const broken = conn.pragma("foreign_key_check") as unknown[];
          if (broken.length > 0) throw new Error(`Migration ${m.name} leaves ${broken.length} broken foreign keys`);
          conn
            .prepare("INSERT INTO claimtrack_migrations (name, checksum, applied_at) VALUES (?, ?, ?)")
            .run(m.name, m.checksum, new Date().toISOString());
        }).immediate();
      } finally {
        conn.pragma("foreign_keys = ON");
      }
      done.push(m.name);
    }
    return done;
  } finally {
    conn.close();
  }
}

/**
 * The database holds every password and token hash, so only its owner may read it, as
 * with the session secret and backups (0600). SQLite gives the -wal and -shm files the
 * database file's mode when it creates them; files an older version created are fixed.
 */
function keepPrivate(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if ((fs.statSync(f).mode & 0o077) !== 0) fs.chmodSync(f, 0o600);
    } catch (err) {
      // Missing (-wal and -shm come and go), or owned by another user: nothing to fix here.
      if ((err as NodeJS.ErrnoException).code !== "ENOENT" && (err as NodeJS.ErrnoException).code !== "EPERM") throw err;
    }
  }
}

function checkApplied(m: Migration, applied: Map<string, string>): boolean {
  const seen = applied.get(m.name);
  if (seen === undefined) return false;
  if (seen !== m.checksum) throw new Error(`Migration ${m.name} was changed after it was applied; add a new migration instead`);
  return true;
}

/** Any number 64-bit: the advisory lock that serialises instances migrating at once. */
const MIGRATION_LOCK = 7_243_901;

/**
 * Applies pending migrations to a PostgreSQL database. An advisory lock makes instances
 * that start together take turns, so each migration runs once.
 */
export async function migratePostgres(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS claimtrack_migrations (
      name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const rows = await client.query<{ name: string; checksum: string }>("SELECT name, checksum FROM claimtrack_migrations");
    const applied = new Map(rows.rows.map((r) => [r.name, r.checksum] as const));
    const done: string[] = [];
    for (const m of listMigrations("postgresql")) {
      if (checkApplied(m, applied)) continue;
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query("INSERT INTO claimtrack_migrations (name, checksum) VALUES ($1, $2)", [m.name, m.checksum]);
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${m.name} failed: ${err instanceof Error ? err.message : err}`);
      }
      done.push(m.name);
    }
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}

/** Applies pending migrations to whichever database the URL names. */
export async function migrateDatabase(databaseUrl: string): Promise<string[]> {
  return databaseUrl.startsWith("file:") ? migrateSqlite(databaseUrl) : migratePostgres(databaseUrl);
}
