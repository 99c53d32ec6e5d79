import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { findPostgresBin } from "@/lib/postgres-bin";

export { findPostgresBin };

// A throwaway PostgreSQL server for tests and benchmarks: initdb into a temporary
// directory, start on a free loopback port, stop and delete on exit. PostgreSQL refuses
// to run as root, so as root it runs as the `postgres` user (see ../shared/STACK.md).

export type TestPostgres = { url: string; stop: () => void };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts a fresh PostgreSQL server; throws when the binaries are missing or it fails. */
export async function startTestPostgres(): Promise<TestPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error("PostgreSQL is not installed (no initdb/pg_ctl on PATH or in /usr/lib/postgresql)");
  const isRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimtrack-pg-"));
  const data = path.join(dir, "data");
  const asOwner = (cmd: string, args: string[]) => (isRoot ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args]) as [string, string[]];
  if (isRoot) execFileSync("chown", ["postgres:", dir]);
  const port = await freePort();
  const run = (cmd: string, args: string[]) => {
    const [c, a] = asOwner(path.join(bin, cmd), args);
    const result = spawnSync(c, a, { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${cmd} failed: ${result.stderr || result.stdout}`);
  };
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
  // Durability is pointless for a throwaway test database; speed is not.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "log"), "-w", "-t", "60", "start"]);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    const [c, a] = asOwner(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"]);
    spawnSync(c, a);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", stop);
  return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, stop };
}
