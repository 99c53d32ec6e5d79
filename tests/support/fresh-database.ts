import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { migrateSqlite } from "@/lib/migrate";

// Runs before each integration test file, before it imports the app: every file gets
// its own freshly migrated SQLite database in a temporary directory.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimtrack-test-"));
process.env.CLAIMTRACK_DATA_DIR = dir;
process.env.DATABASE_URL = `file:${path.join(dir, "test.db")}`;
process.env.NEXTAUTH_SECRET = "integration-test-secret-that-is-long-enough";
process.env.LOG_LEVEL ??= "warn";
migrateSqlite(process.env.DATABASE_URL);

afterAll(async () => {
  const { stopBackgroundWork } = await import("@/lib/background");
  await stopBackgroundWork();
  fs.rmSync(dir, { recursive: true, force: true });
});
