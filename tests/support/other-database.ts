import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { spawnSync } from "node:child_process";
import Database from "better-sqlite3";
import pg from "pg";

/** A new, empty database of the same kind as the test's own (a file, or a PostgreSQL database). */
export async function otherDatabaseUrl(): Promise<string> {
  const server = process.env.CLAIMTRACK_TEST_PG_URL;
  if (!process.env.DATABASE_URL!.startsWith("postgres") || !server) {
    return `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), "claimtrack-other-")), "other.db")}`;
  }
  const name = `ct_other_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs one query against another database and returns its rows. */
export async function queryOther<T>(databaseUrl: string, sql: string): Promise<T[]> {
  if (databaseUrl.startsWith("file:")) {
    const db = new Database(databaseUrl.slice(5), { readonly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Runs a project script (with the react-server condition) against another database. */
export function runScript(script: string, args: string[], databaseUrl: string): string {
  const result = spawnSync(
    path.join(import.meta.dirname, "..", "..", "node_modules", ".bin", "tsx"),
    ["--conditions=react-server", script, ...args],
    { encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" }, maxBuffer: 256 * 1024 * 1024 },
  );
  if (result.status !== 0) throw new Error(`${script} failed: ${result.stderr}`);
  return result.stdout;
}
