import { env } from "@/lib/env";
import { restoreDatabase } from "@/lib/backup";
import { fail } from "./cli-args";

// `npm run restore -- FILE --yes`: replaces the database that DATABASE_URL names with a
// backup made by `npm run backup`. For SQLite, stop the server first.

const file = process.argv[2];
if (!file || file.startsWith("--")) fail("Usage: npm run restore -- FILE --yes");
if (!process.argv.includes("--yes")) {
  fail(
    `This replaces the database ${env.databaseKind === "sqlite" ? env.databaseUrl.slice(5) : "named by DATABASE_URL"} with ${file}.\n` +
      `${env.databaseKind === "sqlite" ? "Stop the server first, then r" : "R"}un again with --yes to go ahead.`,
  );
}
try {
  restoreDatabase(env.databaseUrl, file);
  console.log(`Restored ${file}. Start the server (npm start) to apply any newer migrations.`);
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
