import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// End-to-end tests run against a production build served by the same start script as
// `npm start`, in demo mode, on a fresh database under .tmp/e2e.
// E2E_PORT lets two runs share a machine (each gets its own port and data directory).
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATA_DIR = path.join(import.meta.dirname, ".tmp", E2E_PORT === 3100 ? "e2e" : `e2e-${E2E_PORT}`);
/** Fixture web servers the e2e server may fetch from: the sources specs' and the XSS spec's. */
export const E2E_FIXTURE_PORTS = { sources: 4599, xss: 4598 } as const;
const E2E_FIXTURE_HOSTS = Object.values(E2E_FIXTURE_PORTS).map((port) => `127.0.0.1:${port}`);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: `node -e "require('fs').rmSync(process.argv[1], {recursive: true, force: true})" "${E2E_DATA_DIR}" && npx tsx --conditions=react-server scripts/start.ts`,
    url: `http://127.0.0.1:${E2E_PORT}/login`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    // The source specs serve fixture pages on these ports (e2e/sources, e2e/security/xss).
    env: {
      PORT: String(E2E_PORT),
      CLAIMTRACK_DATA_DIR: E2E_DATA_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      FETCH_ALLOW_HOSTS: E2E_FIXTURE_HOSTS.join(","),
      FETCH_TIMEOUT_MS: "5000",
    },
  },
});
