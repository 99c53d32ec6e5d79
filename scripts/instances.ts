import cluster, { type Worker } from "node:cluster";
import { pathToFileURL } from "node:url";
import { NEXT_NODE_ARGS, nextBin } from "./build";

// Several Claimtrack instances on one machine: `next start` in N worker processes that
// share one port. node:cluster's primary accepts the connections and hands them to the
// workers in turn, so it is the load balancer; the instances share nothing but the
// PostgreSQL database (sessions, rate limits and live updates all go through it), exactly
// as instances on separate machines would. A worker that dies is replaced; SIGTERM and
// SIGINT go to every worker, which finish their in-flight requests, and the primary exits
// with the last of them.
//
// `npm start` uses this when CLAIMTRACK_INSTANCES is above 1 (lib/env.ts refuses that on
// SQLite). Run alone: `node --import tsx scripts/instances.ts COUNT start -p PORT`.

const RESTART_DELAY_MS = 1000;

export function startInstances(count: number, nextArgs: string[], env: NodeJS.ProcessEnv): void {
  // The workers run Next's own CLI with plain Node (no TypeScript loader).
  cluster.setupPrimary({ exec: nextBin, args: nextArgs, execArgv: NEXT_NODE_ARGS });
  let stopping = false;
  const fork = (): Worker => cluster.fork(env);
  for (let i = 0; i < count; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`Claimtrack instance ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another`);
    setTimeout(fork, RESTART_DELAY_MS).unref();
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {});
      if (workers.length === 0) process.exit(0);
      for (const worker of workers) worker?.process.kill(signal);
    });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [count, ...nextArgs] = process.argv.slice(2);
  const n = Number(count);
  if (!Number.isInteger(n) || n < 1 || nextArgs.length === 0) {
    console.error("usage: node --import tsx scripts/instances.ts COUNT start -p PORT");
    process.exit(2);
  }
  startInstances(n, nextArgs, process.env);
}
