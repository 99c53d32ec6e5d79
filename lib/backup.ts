import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { findPostgresBin } from "@/lib/postgres-bin";

/**
 * Online, consistent backups: SQLite's backup API (a copy that restarts if a writer changes
 * the database meanwhile, so it is one point in time), or pg_dump (one transaction
 * snapshot). The server keeps running while either runs.
 */
export async function backupDatabase(databaseUrl: string, outFile: string): Promise<void> {
  fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
  createPrivateFile(outFile);
  if (databaseUrl.startsWith("file:")) {
    const source = new Database(databaseUrl.slice("file:".length), { fileMustExist: true, timeout: 10_000 });
    try {
      // After the first step, copy everything that is left in one step: under steady
      // writes, a small-step backup restarts on every change and may never finish.
      await source.backup(outFile, { progress: () => Number.MAX_SAFE_INTEGER });
    } finally {
      source.close();
    }
    return;
  }
  runPostgresTool("pg_dump", ["--format=custom", "--no-owner", `--file=${outFile}`, `--dbname=${databaseUrl}`]);
}

/**
 * Creates (or empties) a file only its owner can read: a backup or a full export holds
 * every password hash and API token hash. SQLite's backup and pg_dump write into it and
 * keep its mode.
 */
export function createPrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, "w", 0o600));
  fs.chmodSync(file, 0o600); // a file that was already there keeps its old mode otherwise
}

/**
 * Replaces the database with a backup. For SQLite the server must be stopped: the file is
 * swapped in place. For PostgreSQL, pg_restore recreates every table in one transaction.
 */
export function restoreDatabase(databaseUrl: string, backupFile: string): void {
  if (!fs.existsSync(backupFile)) throw new Error(`No backup at ${backupFile}`);
  if (databaseUrl.startsWith("file:")) {
    const target = databaseUrl.slice("file:".length);
    const check = new Database(backupFile, { readonly: true, fileMustExist: true });
    try {
      check.prepare("SELECT COUNT(*) FROM claimtrack_migrations").get();
      const ok = check.pragma("integrity_check", { simple: true });
      if (ok !== "ok") throw new Error(`The backup is damaged: ${String(ok)}`);
    } catch (err) {
      throw new Error(`${backupFile} is not a Claimtrack SQLite backup (${err instanceof Error ? err.message : err})`);
    } finally {
      check.close();
    }
    const staging = `${target}.restoring`;
    fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    fs.copyFileSync(backupFile, staging);
    for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${target}${suffix}`, { force: true });
    fs.renameSync(staging, target);
    return;
  }
  runPostgresTool("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", `--dbname=${databaseUrl}`, backupFile]);
}

function runPostgresTool(tool: string, args: string[]): void {
  const dir = findPostgresBin();
  const command = dir && fs.existsSync(path.join(dir, tool)) ? path.join(dir, tool) : tool;
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.error) throw new Error(`${tool} could not run (${result.error.message}); install the PostgreSQL client tools`);
  if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr.trim()}`);
}
