import { spawnSync } from "node:child_process";
import path from "node:path";
import { E2E_DATA_DIR } from "../../playwright.config";

const root = path.join(import.meta.dirname, "..", "..");

/** Runs one of the project's npm scripts against the e2e server's database. */
function npmRun(script: string, args: string[], env: Record<string, string> = {}): string {
  const result = spawnSync("npm", ["run", "-s", script, "--", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, CLAIMTRACK_DATA_DIR: E2E_DATA_DIR, LOG_LEVEL: "warn", ...env },
  });
  if (result.status !== 0) throw new Error(`npm run ${script} failed: ${result.stderr}`);
  return result.stdout.trim();
}

/** Creates a user with the command line (as an admin would on a real install). */
export function createUser(email: string, role: "admin" | "editor" | "reviewer", password = "correct horse battery"): void {
  npmRun("user:create", ["--email", email, "--role", role], { CLAIMTRACK_PASSWORD: password });
}

/** Mints an API token for a user with the command line. */
export function mintToken(email: string): string {
  return npmRun("user:token", ["--email", email]).split("\n").pop()!;
}
