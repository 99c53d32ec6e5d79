import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// End-to-end tests run against a production build served by the same start script as
// `npm start`, in demo mode, on a fresh database under .tmp/e2e.
export const E2E_PORT = 3100;
export const E2E_DATA_DIR = path.join(import.meta.dirname, ".tmp", "e2e");
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
    env: { PORT: String(E2E_PORT), CLAIMTRACK_DATA_DIR: E2E_DATA_DIR, NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn" },
  },
});
