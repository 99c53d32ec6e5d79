import { expect, test } from "@playwright/test";
import { signIn } from "../support/login";

test("pages carry a nonce-based CSP and the other security headers", async ({ page }) => {
  const response = await page.goto("/login");
  const headers = response!.headers();
  const csp = headers["content-security-policy"]!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-request-id"]).toMatch(/^[\w.-]{8,}$/);
  // Every script Next.js renders carries this request's nonce.
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  const scripts = await page.locator("script").evaluateAll((els) => els.map((s) => (s as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);
  // A second request gets a fresh nonce.
  const again = await page.request.get("/login");
  expect(again.headers()["content-security-policy"]).not.toContain(nonce);
});

test("API responses are nosniff and JSON errors", async ({ request }) => {
  const res = await request.get("/api/v1/articles");
  expect(res.status()).toBe(401);
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect(await res.json()).toMatchObject({ error: { code: "unauthenticated" } });
  const health = await request.get("/api/health");
  expect(await health.json()).toMatchObject({ status: "ok", database: { status: "ok" } });
});

test("cross-site writes with the session cookie are refused, same-site ones pass", async ({ page }) => {
  await signIn(page, "editor");
  const body = { title: "CSRF probe", text: "One. Two." };
  const base = new URL(page.url()).origin;
  const evil = await page.request.post("/api/v1/articles", { data: body, headers: { origin: "https://evil.example" } });
  expect(evil.status()).toBe(403);
  expect(await evil.json()).toMatchObject({ error: { code: "forbidden", message: expect.stringMatching(/Cross-site/) } });
  const crossSite = await page.request.post("/api/v1/articles", { data: body, headers: { "sec-fetch-site": "cross-site" } });
  expect(crossSite.status()).toBe(403);
  const noOrigin = await page.request.post("/api/v1/articles", { data: body });
  expect(noOrigin.status()).toBe(403);
  const same = await page.request.post("/api/v1/articles", { data: body, headers: { origin: base } });
  expect(same.status()).toBe(201);
  // A server action posted from another site is refused before it runs.
  const action = await page.request.post("/articles/new", {
    headers: { origin: "https://evil.example", "next-action": "0000000000000000000000000000000000000000", "content-type": "text/plain" },
    data: "[]",
  });
  expect(action.status()).toBe(403);
});
