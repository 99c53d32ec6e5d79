import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { findPostgresBin, startTestPostgres } from "./postgres-server";

// `npm test`: type-check, lint, unit and integration tests (Vitest, real temporary
// SQLite databases, and the same integration tests on a PostgreSQL server started here
// whenever PostgreSQL is installed), then end-to-end tests (Playwright in Debian's
// Chromium against a production build). Stops at the first failing step.
// CLAIMTRACK_REQUIRE_POSTGRES=1 (set by .ci/run) makes a missing PostgreSQL an error.

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" };

function run(title: string, command: string, args: string[], extraEnv: Record<string, string> = {}): void {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } });
  if (result.status !== 0) {
    console.error(`\n${title} failed.`);
    process.exit(result.status ?? 1);
  }
  console.log(`${title}: passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The Chromium to test with: CHROMIUM_PATH, else Debian's, installed here when we may. */
function ensureChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  const found = candidates.find((p) => fs.existsSync(p));
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  const isDebian = fs.existsSync("/etc/debian_version");
  if (isRoot && isDebian) {
    console.log("Chromium is missing: installing Debian's chromium package…");
    const aptEnv = { DEBIAN_FRONTEND: "noninteractive" };
    run("apt-get update", "apt-get", ["update", "-q"], aptEnv);
    run("apt-get install chromium", "apt-get", ["install", "-y", "-q", "--no-install-recommends", "chromium"], aptEnv);
    if (fs.existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  }
  console.error(
    "Chromium is needed for the end-to-end tests and was not found.\n" +
      "On Debian or Ubuntu install it with:  sudo apt-get install chromium\n" +
      "Elsewhere, set CHROMIUM_PATH to a Chromium or Chrome executable.\n" +
      "(The tests never download a browser build.)",
  );
  process.exit(1);
}

/** A PostgreSQL server for the integration tests, or null (with a warning) when not installed. */
async function postgresForTests(): Promise<{ url: string; stop: () => void } | null> {
  if (!findPostgresBin()) {
    if (process.env.CLAIMTRACK_REQUIRE_POSTGRES === "1") {
      console.error("PostgreSQL is required (CLAIMTRACK_REQUIRE_POSTGRES=1) but initdb/pg_ctl were not found.");
      process.exit(1);
    }
    console.warn("\nPostgreSQL is not installed: the PostgreSQL integration suite is SKIPPED (apt-get install postgresql).");
    return null;
  }
  console.log("\n=== Starting a throwaway PostgreSQL server ===");
  return startTestPostgres();
}

// For development: `npm test -- --no-e2e` stops after the Vitest suites.
const withE2e = !process.argv.includes("--no-e2e");
const chromium = withE2e ? ensureChromium() : "";
run("Type check", bin("tsc"), ["--noEmit"]);
run("Lint", bin("eslint"), ["--max-warnings=0", "."]);
const postgres = await postgresForTests();
run(
  postgres ? "Unit and integration tests (SQLite and PostgreSQL)" : "Unit and integration tests (SQLite only)",
  bin("vitest"),
  ["run"],
  postgres ? { CLAIMTRACK_TEST_PG_URL: postgres.url } : {},
);
postgres?.stop();
if (!withE2e) process.exit(0);
run("End-to-end tests", bin("playwright"), ["test"], { CHROMIUM_PATH: chromium });
console.log("\nAll test suites passed.");
