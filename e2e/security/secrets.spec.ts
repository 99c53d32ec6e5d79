import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_DATA_DIR } from "../../playwright.config";

const root = path.join(import.meta.dirname, "..", "..");

function clientFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? clientFiles(full) : /\.(js|css|html|json|txt|map)$/.test(e.name) ? [full] : [];
  });
}

test("the client bundle holds no secret and no server-only code", async ({ request }) => {
  // The server under test has started, so its session secret exists.
  expect((await request.get("/api/health")).ok()).toBe(true);
  const secret = fs.readFileSync(path.join(E2E_DATA_DIR, "session-secret"), "utf8").trim();
  expect(secret.length).toBeGreaterThanOrEqual(32);
  const files = clientFiles(path.join(root, ".next", "static"));
  expect(files.length).toBeGreaterThan(5);
  const forbidden = [
    secret,
    "NEXTAUTH_SECRET",
    "DATABASE_URL",
    "CLAIMTRACK_PASSWORD",
    "passwordHash",
    "tokenHash",
    "session-secret",
    "claimtrack_migrations",
    "@node-rs/argon2",
    "better-sqlite3",
    "PrismaClient",
    "pg_advisory_lock",
  ];
  for (const file of files) {
    const content = fs.readFileSync(file, "utf8");
    for (const needle of forbidden) {
      expect(content.includes(needle), `${needle === secret ? "the session secret" : needle} found in ${path.relative(root, file)}`).toBe(false);
    }
  }
});

test("the served pages and API never echo the secret", async ({ request }) => {
  const secret = fs.readFileSync(path.join(E2E_DATA_DIR, "session-secret"), "utf8").trim();
  for (const url of ["/login", "/api/health", "/api/auth/providers", "/api/auth/csrf", "/api/v1/articles"]) {
    const body = await (await request.get(url)).text();
    expect(body.includes(secret), url).toBe(false);
  }
});
