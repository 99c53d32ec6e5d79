import { SYSTEM_ACTOR } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { pruneUnusedSnapshots } from "@/lib/data/source-prune";
import { AppError } from "@/lib/errors";
import { prepareDatabase } from "./setup";
import { fail, parseOptions } from "./cli-args";

// `npm run sources:prune [-- --older-than-hours N]`: deletes page snapshots that no source
// was ever linked to (fetched with "Fetch details", then not saved) once they are N hours
// old (default 24), and the stored bytes nothing refers to any more.

const USAGE = "npm run sources:prune -- [--older-than-hours N]";

async function main() {
  const opts = parseOptions({ "older-than-hours": { type: "string" } }, USAGE);
  await prepareDatabase({ seedDemo: false });
  try {
    const r = await pruneUnusedSnapshots(SYSTEM_ACTOR, { olderThanHours: opts["older-than-hours"] });
    const mb = (r.bytes / 1024 / 1024).toFixed(1);
    console.log(`Removed ${r.snapshots} unlinked snapshot${r.snapshots === 1 ? "" : "s"} and ${r.blobs} unused stored file${r.blobs === 1 ? "" : "s"} (${mb} MB).`);
  } catch (err) {
    if (err instanceof AppError) fail(`${err.message}\nUsage: ${USAGE}`);
    throw err;
  } finally {
    await db.$disconnect();
  }
}

main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
