import { SYSTEM_ACTOR } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { runLinkCheck, startLinkCheck } from "@/lib/data/source-check-job";
import { prepareDatabase } from "./setup";
import { fail, parseOptions } from "./cli-args";

// `npm run sources:check [-- --concurrency N]`: checks every source's link (ok, redirected,
// gone, unreachable) as a Job with progress. Ctrl-C stops it cleanly; running the command
// again resumes the unfinished job instead of starting over.

const USAGE = "npm run sources:check -- [--concurrency N]";

async function main() {
  const opts = parseOptions({ concurrency: { type: "string" } }, USAGE);
  const concurrency = opts.concurrency === undefined ? 4 : Number(opts.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32)
    fail(`--concurrency must be a whole number from 1 to 32.\nUsage: ${USAGE}`);
  await prepareDatabase({ seedDemo: false });
  const startedAt = Date.now();
  const job = await startLinkCheck(SYSTEM_ACTOR);
  const isResumed = Date.parse(job.startedAt) < startedAt;
  console.log(`${isResumed ? "Resuming" : "Started"} link check ${job.id}: ${job.total} sources`);
  const stop = new AbortController();
  process.once("SIGINT", () => {
    console.log("\nStopping after the links in flight; run the command again to resume.");
    stop.abort();
  });
  let lastPrinted = 0;
  const finished = await runLinkCheck(SYSTEM_ACTOR, job.id, {
    concurrency,
    signal: stop.signal,
    onProgress: (done, total) => {
      // One line a second at most, and the last one.
      if (Date.now() - lastPrinted > 1000 || done === total) {
        lastPrinted = Date.now();
        console.log(`${done}/${total} checked`);
      }
    },
  });
  if (!finished) fail(`Link check ${job.id} is being run by another process (its lease has not run out). Try again in a minute.`);
  if (finished.status !== "done" || !finished.result) {
    console.log(`Stopped at ${finished.done}/${finished.total}.`);
  } else {
    const r = finished.result;
    console.log(
      `${finished.done}/${finished.total} checked: ${r.ok} ok, ${r.redirected} redirected, ${r.gone} gone, ${r.unreachable} unreachable`,
    );
  }
  await db.$disconnect();
}

main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
