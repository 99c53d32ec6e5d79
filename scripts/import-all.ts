import fs from "node:fs";
import { env } from "@/lib/env";
import { migrateDatabase } from "@/lib/migrate";
import { importEverything, type Dump } from "@/lib/data/dump";
import { fail } from "./cli-args";

// `npm run import:all -- FILE`: loads an export:all file into an empty database (the one
// DATABASE_URL names, migrated first), e.g. to move from SQLite to PostgreSQL.
const file = process.argv[2];
if (!file) fail("Usage: npm run import:all -- FILE");
(async () => {
  await migrateDatabase(env.databaseUrl);
  const counts = await importEverything(JSON.parse(fs.readFileSync(file, "utf8")) as Dump);
  console.log(`Imported ${Object.entries(counts).map(([t, n]) => `${n} ${t}`).join(", ")}`);
})().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
