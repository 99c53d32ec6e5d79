import path from "node:path";
import { env } from "@/lib/env";
import { backupDatabase } from "@/lib/backup";
import { fail, parseOptions } from "./cli-args";

// `npm run backup -- [--out FILE]`: an online, consistent backup of the database that
// DATABASE_URL names (SQLite backup API, or pg_dump). The server may keep running.

const opts = parseOptions({ out: { type: "string" } }, "npm run backup -- [--out FILE]");
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const out = opts.out ?? path.join(env.dataDir, "backups", `claimtrack-${stamp}.${env.databaseKind === "sqlite" ? "sqlite" : "pgdump"}`);
backupDatabase(env.databaseUrl, out)
  .then(() => console.log(`Backed up to ${out}`))
  .catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
