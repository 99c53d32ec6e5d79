import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { migrateSqlite } from "@/lib/migrate";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimtrack-migrate-"));
  dirs.push(dir);
  return dir;
};
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe("migrateSqlite", () => {
  it("creates the database readable by its owner only, with its -wal and -shm files", () => {
    const file = path.join(tempDir(), "claimtrack.db");
    expect(migrateSqlite(`file:${file}`).length).toBeGreaterThan(0);
    for (const f of [file, `${file}-wal`, `${file}-shm`].filter((f) => fs.existsSync(f))) expect(modeOf(f)).toBe(0o600);
  });

  it("makes a database an older version left world-readable private, and applies nothing twice", () => {
    const file = path.join(tempDir(), "claimtrack.db");
    migrateSqlite(`file:${file}`);
    fs.chmodSync(file, 0o644);
    expect(migrateSqlite(`file:${file}`)).toEqual([]);
    expect(modeOf(file)).toBe(0o600);
  });
});
