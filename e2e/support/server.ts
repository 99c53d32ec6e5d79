import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { NEXT_NODE_ARGS, nextBin } from "../../scripts/build";

const root = path.join(import.meta.dirname, "..", "..");

/** A second Claimtrack server from the same build, on its own database, for tests that kill or stop it. */
export type StandaloneServer = { url: string; env: Record<string, string>; child: ChildProcess; token: string };

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function npmScript(script: string, args: string[], env: Record<string, string>): string {
  const r = spawnSync("npm", ["run", "-s", script, "--", ...args], { cwd: root, encoding: "utf8", env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${script}: ${r.stderr}`);
  return r.stdout.trim();
}

/** Environment for a fresh database: SQLite in a temp dir, or the PostgreSQL URL given. */
export function freshEnv(databaseUrl?: string): Record<string, string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimtrack-e2e-"));
  return {
    CLAIMTRACK_DATA_DIR: dir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    NEXTAUTH_SECRET: "standalone-test-secret-standalone-test-secret",
    AUTH_TRUST_HOST: "1",
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

/**
 * Migrates the database, creates an editor with a token, and starts `next start`, or
 * `instances` of them on one port (scripts/instances.ts; the child is then their primary).
 */
export async function startServer(env: Record<string, string>, token?: string, instances = 1): Promise<StandaloneServer> {
  npmScript("db:migrate", [], env);
  let apiToken = token;
  if (!apiToken) {
    const email = `standalone-${Date.now()}@example.org`;
    npmScript("user:create", ["--email", email, "--role", "editor"], { ...env, CLAIMTRACK_PASSWORD: "correct horse battery" });
    apiToken = npmScript("user:token", ["--email", email], env).split("\n").pop()!;
  }
  const port = await freePort();
  const command =
    instances > 1
      ? ["--import", "tsx", path.join(root, "scripts", "instances.ts"), String(instances)]
      : [...NEXT_NODE_ARGS, nextBin];
  const child = spawn(process.execPath, [...command, "start", "-p", String(port)], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, env, child, token: apiToken };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill("SIGKILL");
  throw new Error("the standalone server did not start");
}

/** Resolves when the child process has exited. */
export function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}
