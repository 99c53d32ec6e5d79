import http from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { E2E_FIXTURE_PORTS } from "../../playwright.config";
import { createUser, mintToken } from "../support/cli";
import { openedArticleId } from "../support/import";
import { XSS_PAYLOADS } from "./xss-payloads";

// Every user-supplied field gets every payload; then every page that shows them is opened
// in Chromium and must run none of them nor render a javascript: link.

const EMAIL = `xss-${Date.now()}@example.org`;
const PASSWORD = "correct horse battery";

type Created = { id: string; claims: { id: string; version: number }[] };

async function api(page: Page, token: string, method: "post" | "patch" | "put", path: string, data: unknown) {
  const res = await page.request[method](path, { data, headers: { authorization: `Bearer ${token}` } });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

async function expectNoScriptRan(page: Page, path: string) {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Refused to (execute|load)/.test(msg.text())) violations.push(msg.text());
  });
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  // Hover and focus everything once, to trigger any injected handler.
  await page.mouse.move(10, 10);
  const ran = await page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? null);
  expect(ran, `payload ran on ${path}`).toBeNull();
  const jsLinks = await page.locator('a[href^="javascript:" i], a[href^="data:" i], iframe, object, embed').count();
  expect(jsLinks, `dangerous element on ${path}`).toBe(0);
  expect(violations, `CSP had to block an injected script on ${path}`).toEqual([]);
}

test("no payload in any field runs on any page", async ({ page }) => {
  test.setTimeout(180_000);
  page.on("dialog", (dialog) => {
    throw new Error(`A dialog opened: ${dialog.message()}`);
  });
  createUser(EMAIL, "admin", PASSWORD);
  const token = mintToken(EMAIL);
  const text = XSS_PAYLOADS.map((p, i) => `Claim ${i} says ${p}.`).join("\n");
  const article = (await api(page, token, "post", "/api/v1/articles", {
    title: XSS_PAYLOADS.slice(0, 6).join(" "),
    text,
    publisher: XSS_PAYLOADS[1],
    author: XSS_PAYLOADS[2],
    url: "https://example.org/a?q=%22%3E%3Cscript%3Ewindow.__xss=1%3C/script%3E",
  })) as Created;
  for (const [i, claim] of article.claims.entries()) {
    const p = XSS_PAYLOADS[i % XSS_PAYLOADS.length]!;
    await api(page, token, "patch", `/api/v1/claims/${claim.id}`, { tag: "attributed", speaker: p, cue: p.slice(0, 100), note: p, version: claim.version });
    await api(page, token, "post", `/api/v1/claims/${claim.id}/sources`, {
      url: `https://example.org/${i}?x=${encodeURIComponent(p)}`,
      title: p,
      relation: "context",
      quote: p,
    });
  }
  // Sources (issue 5): a page full of payloads is fetched and kept as a snapshot, and the
  // source's own fields and credibility note carry payloads too.
  const payloadPage = `<html><head><title>${XSS_PAYLOADS[0]}</title><script>window.__xss=100</script></head><body onload="window.__xss=101">${XSS_PAYLOADS.map((p) => `<p>${p}</p>`).join("")}<a href="javascript:window.__xss=102">x</a></body></html>`;
  const pageServer = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(payloadPage));
  await new Promise<void>((resolve) => pageServer.listen(E2E_FIXTURE_PORTS.xss, "127.0.0.1", resolve));
  const { sourceId } = (await api(page, token, "post", `/api/v1/claims/${article.claims[0]!.id}/sources`, {
    url: `http://127.0.0.1:${E2E_FIXTURE_PORTS.xss}/payloads.html`,
    title: XSS_PAYLOADS[1],
    relation: "supports",
    quote: XSS_PAYLOADS[2],
    locator: XSS_PAYLOADS[3],
  })) as { sourceId: string };
  await api(page, token, "patch", `/api/v1/sources/${sourceId}`, { notes: XSS_PAYLOADS.join("\n"), description: XSS_PAYLOADS[4], publisher: XSS_PAYLOADS[5], author: XSS_PAYLOADS[6] });
  await api(page, token, "put", `/api/v1/sources/${sourceId}/credibility`, { rating: "unreliable", note: XSS_PAYLOADS[7] });
  const { snapshotId } = (await api(page, token, "post", `/api/v1/sources/${sourceId}/snapshots`, {})) as { snapshotId: string };
  await new Promise((resolve) => pageServer.close(resolve));

  // Review (issue 6): verdict rationales, threaded comments on claims and on the article, a share link.
  for (const [i, claim] of article.claims.slice(0, 8).entries()) {
    const p = XSS_PAYLOADS[i]!;
    const { version } = (await (await page.request.get(`/api/v1/claims/${claim.id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { version: number };
    await api(page, token, "patch", `/api/v1/claims/${claim.id}`, { verdict: "misleading", verdictRationale: p, version });
    const { id } = (await api(page, token, "post", `/api/v1/articles/${article.id}/comments`, { claimId: claim.id, body: p })) as { id: string };
    await api(page, token, "post", `/api/v1/articles/${article.id}/comments`, { parentId: id, body: XSS_PAYLOADS[i + 8]! });
  }
  await api(page, token, "post", `/api/v1/articles/${article.id}/comments`, { body: XSS_PAYLOADS.join(" ") });
  const { token: shareToken } = (await api(page, token, "post", `/api/v1/articles/${article.id}/share-links`, {})) as { token: string };

  // javascript: URLs are refused outright.
  const js = await page.request.post(`/api/v1/claims/${article.claims[0]!.id}/sources`, {
    data: { url: "javascript:window.__xss=1", relation: "origin" },
    headers: { authorization: `Bearer ${token}` },
  });
  expect(js.status()).toBe(422);

  // Imported HTML: the payloads inside a page that is uploaded.
  await page.goto("/login");
  await page.getByRole("textbox", { name: "Email" }).fill(EMAIL);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/articles$/);
  await page.goto("/articles/new");
  const html = `<html><head><title>${XSS_PAYLOADS[3]}</title></head><body><article>${XSS_PAYLOADS.map((p) => `<p>Paragraph with ${p} inside.</p>`).join("")}</article></body></html>`;
  await page.getByLabel("Upload file").setInputFiles({ name: "payloads.html", mimeType: "text/html", buffer: Buffer.from(html) });
  await page.getByRole("button", { name: "Split into claims" }).click();
  const uploadedId = await openedArticleId(page);

  // A revision whose new sentences carry the payloads (shown in the diff view).
  await api(page, token, "post", `/api/v1/articles/${article.id}/revisions`, { text: `${text}\n${XSS_PAYLOADS.join(" and ")}.` });

  // A token name is shown on the settings page.
  await page.goto("/settings");
  await page.getByRole("textbox", { name: "Token name" }).fill(XSS_PAYLOADS[1]!);
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copy this token now" })).toBeVisible();

  for (const path of [
    "/articles",
    `/articles?q=${encodeURIComponent(XSS_PAYLOADS[0]!)}`,
    `/articles/${article.id}`,
    `/articles/${article.id}/report`,
    `/articles/${uploadedId}`,
    `/articles/${uploadedId}/report`,
    "/settings",
    "/sources",
    `/sources?q=${encodeURIComponent(XSS_PAYLOADS[1]!)}`,
    `/sources/${sourceId}`,
    `/api/v1/sources/${sourceId}/snapshots/${snapshotId}`,
    "/admin/audit",
    "/admin/users",
    "/review",
    "/claims",
    `/claims?q=${encodeURIComponent(XSS_PAYLOADS[3]!)}&speaker=${encodeURIComponent(XSS_PAYLOADS[0]!)}`,
    `/share/${shareToken}`,
    `/articles/${article.id}/text`,
    `/articles/${article.id}/revisions`,
    `/articles/${article.id}/revisions/2`,
    `/login?callbackUrl=${encodeURIComponent("javascript:window.__xss=1")}`,
  ]) {
    await expectNoScriptRan(page, path);
  }

  // Comments and verdicts load on the annotate page when opened: open them, then check.
  await page.goto(`/articles/${article.id}`);
  const first = page.getByRole("list", { name: "Claims" }).getByRole("listitem").first();
  await first.getByText(/^Comments/).click();
  await expect(first.getByText(XSS_PAYLOADS[0]!, { exact: true }).first()).toBeVisible();
  await page.getByRole("region", { name: "Review" }).getByText(/^Comments on the article/).click();
  await expect(page.getByRole("region", { name: "Review" }).getByText(XSS_PAYLOADS.join(" "))).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? null), "payload ran in comments").toBeNull();
});
