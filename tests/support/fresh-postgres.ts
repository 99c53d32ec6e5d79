import crypto from "node:crypto";
import { afterAll } from "vitest";
import pg from "pg";
import { migratePostgres } from "@/lib/migrate";

// Runs before each integration test file in the PostgreSQL project: a fresh database on
// the server that `npm test` started (CLAIMTRACK_TEST_PG_URL), migrated, for this file only.
const serverUrl = process.env.CLAIMTRACK_TEST_PG_URL;
if (!serverUrl) throw new Error("CLAIMTRACK_TEST_PG_URL is not set: run the PostgreSQL suite through npm test");

const name = `ct_test_${crypto.randomBytes(6).toString("hex")}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
await admin.end();

const url = new URL(serverUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
process.env.CLAIMTRACK_DATA_DIR = `/tmp/${name}`;
process.env.NEXTAUTH_SECRET = "integration-test-secret-that-is-long-enough";
process.env.LOG_LEVEL ??= "warn";
await migratePostgres(process.env.DATABASE_URL);

afterAll(async () => {
  const { db } = await import("@/lib/db");
  const { closeRealtime } = await import("@/lib/realtime/bus");
  const { stopBackgroundWork } = await import("@/lib/background");
  await stopBackgroundWork();
  await closeRealtime();
  await db.$disconnect();
  const cleanup = new pg.Client({ connectionString: serverUrl });
  await cleanup.connect();
  await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await cleanup.end();
});
