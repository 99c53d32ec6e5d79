import crypto from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { queryDb, type ClaimRow } from "../support/db";
import { signIn } from "../support/login";
import { importThroughForm } from "../support/import";
import { E2E_PORT } from "../../playwright.config";

// The claim report of issue 6 (figures, charts, who said what, claims, exports, print) and
// its shareable read-only link.

const ORIGIN = `http://127.0.0.1:${E2E_PORT}`;

/** Same-origin API calls with the page's session cookie. */
async function patchClaim(page: Page, claim: ClaimRow, data: object): Promise<number> {
  const res = await page.request.patch(`/api/v1/claims/${claim.id}`, {
    data: { ...data, version: claim.version },
    headers: { origin: ORIGIN },
  });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { version: number }).version;
}

async function annotatedArticle(page: Page): Promise<{ articleId: string; claims: ClaimRow[] }> {
  const articleId = await importThroughForm(page, `Report ${Date.now()}`);
  const claims = queryDb<ClaimRow>(
    'SELECT id, start, "end", text, tag, speaker, cue, version FROM Claim WHERE articleId = ? ORDER BY start',
    articleId,
  );
  await patchClaim(page, claims[1]!, { tag: "attributed", speaker: "Russia", cue: "said" });
  await patchClaim(page, claims[2]!, { tag: "attributed", speaker: "Russia's foreign ministry", cue: "denied" });
  const source = await page.request.post(`/api/v1/claims/${claims[1]!.id}/sources`, {
    data: { url: "https://www.example.org/statement", title: "The statement", relation: "origin", quote: "in those words" },
    headers: { origin: ORIGIN },
  });
  expect(source.status()).toBe(201);
  return { articleId, claims };
}

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test("the report: figures, charts, speakers grouped by an editor, claims with sources, exports and print", async ({ page }) => {
  await signIn(page, "editor");
  const { articleId, claims } = await annotatedArticle(page);
  await page.goto(`/articles/${articleId}/report`);
  await expect(page.getByRole("heading", { name: "Claim report" })).toBeVisible();

  const figures = page.locator(".figures").getByRole("definition");
  await expect(figures.nth(0)).toHaveText("0");
  await expect(figures.nth(2)).toHaveText("2");
  await expect(figures.nth(3)).toHaveText(String(claims.length - 2));
  await expect(page.getByRole("img", { name: /Claims per tag/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Sources per relation/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: `Unsourced claims (${claims.length - 1})` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Sourced, but flagged (0)" })).toBeVisible();

  // Who said what: two spellings until an editor groups them.
  await expect(page.getByRole("heading", { name: /^Russia's foreign ministry \(1 claim\)/ })).toBeVisible();
  await page.getByRole("combobox", { name: "Speaker name" }).selectOption("Russia's foreign ministry");
  await page.getByRole("combobox", { name: "Group under" }).fill("Russia");
  await page.getByRole("button", { name: "Group", exact: true }).click();
  await expect(page.getByRole("heading", { name: /^Russia \(2 claims\)/ })).toBeVisible();
  expect(
    queryDb<{ canonical: string }>("SELECT canonical FROM SpeakerAlias WHERE alias = ?", "russia's foreign ministry"),
  ).toEqual([{ canonical: "Russia" }]);
  await page.getByRole("button", { name: "Ungroup “russia's foreign ministry”" }).click();
  await expect(page.getByRole("heading", { name: /^Russia's foreign ministry \(1 claim\)/ })).toBeVisible();

  // Every claim is on the page under the anchor that exports link to, with its quoted passage.
  const sourced = page.locator(`#claim-${claims[1]!.id}`);
  await expect(sourced).toContainText(claims[1]!.text);
  await expect(sourced.getByRole("link", { name: "The statement" })).toBeVisible();
  await expect(sourced).toContainText("in those words");

  // Exports download through the API with the session.
  const csvHref = await page.getByRole("link", { name: "CSV" }).getAttribute("href");
  expect(csvHref).toBe(`/api/v1/articles/${articleId}/export?format=csv`);
  const csv = await page.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect([...(await csv.body()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename=".+\.claims\.csv"$/);
  for (const name of ["JSON", "W3C Web Annotations", "ClaimReview", "Markdown"]) {
    const res = await page.request.get((await page.getByRole("link", { name, exact: true }).getAttribute("href"))!);
    expect(res.status(), name).toBe(200);
  }

  await expectNoSeriousViolations(page);

  // Printed: no navigation, controls or forms; the claims are all there.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("heading", { name: "Export" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await expect(sourced).toBeVisible();
});

test("a share link: public, read-only, without e-mail addresses, and revocable", async ({ page, browser }) => {
  await signIn(page, "editor");
  const { articleId } = await annotatedArticle(page);
  await page.goto(`/articles/${articleId}/report`);
  await page.getByRole("combobox", { name: "Expires after" }).selectOption("7 days");
  await page.getByRole("button", { name: "Create share link" }).click();
  const url = await page.getByRole("textbox", { name: /New share link/ }).inputValue();
  const token = /\/share\/([A-Za-z0-9_-]{43})$/.exec(url)?.[1];
  expect(token).toBeDefined();
  const stored = queryDb<{ tokenHash: string; expiresAt: string }>(
    "SELECT tokenHash, expiresAt FROM ShareLink WHERE articleId = ?",
    articleId,
  );
  expect(stored).toHaveLength(1);
  expect(stored[0]!.tokenHash).toBe(crypto.createHash("sha256").update(token!).digest("hex"));
  expect(JSON.stringify(stored)).not.toContain(token!);

  // Someone without an account.
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(url);
  await expect(stranger).toHaveURL(url);
  await expect(stranger.getByRole("heading", { name: "Claim report" })).toBeVisible();
  await expect(stranger.getByRole("heading", { name: "Who said what" })).toBeVisible();
  await expect(stranger.getByRole("button")).toHaveText(["Print or save as PDF"]);
  await expect(stranger.getByRole("textbox")).toHaveCount(0);
  await expect(stranger.getByRole("combobox")).toHaveCount(0);
  await expect(stranger.getByRole("link", { name: "Back to annotating" })).toHaveCount(0);
  await expect(stranger.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  const html = await stranger.content();
  expect(html).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
  expect(html).not.toContain("Eddie Editor");
  await expectNoSeriousViolations(stranger);

  // Revoked: the link stops working at once.
  await page.getByRole("button", { name: /^Revoke the link/ }).click();
  await expect(page.getByRole("cell", { name: "Revoked" })).toBeVisible();
  await stranger.reload();
  await expect(stranger.getByRole("heading", { name: "Not found" })).toBeVisible();
  const [revoked] = queryDb<{ revokedAt: string | null }>("SELECT revokedAt FROM ShareLink WHERE articleId = ?", articleId);
  expect(revoked?.revokedAt).not.toBeNull();
});

test("an approved report names the desk-wide changes made since its approval", async ({ page, browser }) => {
  await signIn(page, "editor");
  const { articleId, claims } = await annotatedArticle(page);
  for (const claim of claims.slice(3)) await patchClaim(page, claim, { tag: "stated" });
  await patchClaim(page, claims[0]!, { tag: "stated" });
  const submit = await page.request.post(`/api/v1/articles/${articleId}/review`, { data: { action: "submit" }, headers: { origin: ORIGIN } });
  expect(submit.status(), await submit.text()).toBe(200);
  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, "reviewer");
  const approve = await reviewer.request.post(`/api/v1/articles/${articleId}/review`, { data: { action: "approve" }, headers: { origin: ORIGIN } });
  expect(approve.status(), await approve.text()).toBe(200);
  await reviewer.goto(`/articles/${articleId}/report`);
  await expect(reviewer.getByRole("heading", { name: "Claim report" })).toBeVisible();
  await expect(reviewer.getByRole("heading", { name: /^Changed since approval/ })).toHaveCount(0);

  // The statement's source is re-rated after the approval, for every article that cites it.
  const [{ sourceId }] = queryDb<{ sourceId: string }>("SELECT sourceId FROM ClaimSource WHERE claimId = ?", claims[1]!.id) as [{ sourceId: string }];
  const rate = await reviewer.request.put(`/api/v1/sources/${sourceId}/credibility`, {
    data: { rating: "unreliable", note: "Retracted" },
    headers: { origin: ORIGIN },
  });
  expect(rate.status(), await rate.text()).toBe(200);
  await reviewer.reload();
  const changes = reviewer.getByRole("region", { name: "Changed since approval (1)" });
  await expect(changes).toBeVisible();
  await expect(changes.getByRole("listitem")).toHaveText(/^Source “The statement” rated unreliable \(was not rated\) · Rita Reviewer, /);
  await expect(changes.getByText("A reviewer can reopen the article to check it again.", { exact: false })).toBeVisible();
  await expectNoSeriousViolations(reviewer);
});
