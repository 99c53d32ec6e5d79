import path from "node:path";
import Database from "better-sqlite3";
import { E2E_DATA_DIR } from "../../playwright.config";

/** Reads the e2e server's database directly, to check what a UI step stored. */
export function queryDb<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(path.join(E2E_DATA_DIR, "claimtrack.db"), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export type ClaimRow = { id: string; start: number; end: number; text: string; tag: string | null; speaker: string | null; cue: string | null; version: number };
