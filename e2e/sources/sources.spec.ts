import { expect, test, type Page } from "@playwright/test";
import { E2E_FIXTURE_PORTS } from "../../playwright.config";
import { startFixtureServer, type FixtureServer } from "../../lib/sources/testdata/fixture-server";
import { queryDb } from "../support/db";
import { importThroughForm, openedArticleId } from "../support/import";
import { signIn } from "../support/login";

// The e2e server may fetch from 127.0.0.1:4599 (FETCH_ALLOW_HOSTS in playwright.config.ts);
// the fixture pages of lib/sources/testdata are served there for the length of this file.
const ORIGIN = `http://127.0.0.1:${E2E_FIXTURE_PORTS.sources}`;
let fixtures: FixtureServer;

test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  fixtures = await startFixtureServer({ port: E2E_FIXTURE_PORTS.sources });
});
test.afterAll(() => fixtures.close());

type SourceRow = {
  id: string;
  url: string;
  title: string | null;
  publisher: string | null;
  author: string | null;
  publishedAt: unknown;
  accessedAt: unknown;
  type: string | null;
};

async function openSourceDialog(page: Page, articleId: string) {
  await page.goto(`/articles/${articleId}`);
  const first = page.getByRole("list", { name: "Claims" }).getByRole("listitem").first();
  const dialog = page.getByRole("dialog", { name: "Add source" });
  // Disabled until React has hydrated it, so the click waits for that and then works.
  await first.getByRole("button", { name: "Add source" }).click();
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Adds a source to an article's first claim through the API, as the signed-in browser. */
async function addSourceByApi(page: Page, articleId: string, body: Record<string, string>) {
  const claims = queryDb<{ id: string }>("SELECT id FROM Claim WHERE articleId = ? ORDER BY start LIMIT 1", articleId);
  const res = await page.request.post(`/api/v1/claims/${claims[0]!.id}/sources`, {
    data: body,
    headers: { origin: new URL(page.url()).origin },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { sourceId: string };
}

test("adds a source by URL and sees the metadata filled in", async ({ page }) => {
  await signIn(page, "editor");
  const articleId = await importThroughForm(page, `Sources e2e ${Date.now()}`);
  const dialog = await openSourceDialog(page, articleId);
  // A refused save keeps the keyboard in the open dialog, on the button.
  await dialog.getByRole("textbox", { name: "URL" }).fill("not a web address");
  await dialog.getByRole("button", { name: "Save source" }).click();
  await expect(dialog.getByRole("alert").first()).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Save source" })).toBeFocused();
  const url = `${ORIGIN}/pages/wire-jsonld-graph.html?utm_source=e2e`;
  await dialog.getByRole("textbox", { name: "URL" }).fill(url);
  await dialog.getByRole("button", { name: "Fetch details" }).click();
  await expect(dialog.getByRole("status").filter({ hasText: "Details filled in from the page" })).toBeVisible();
  await expect(dialog.getByRole("textbox", { name: "Title" })).toHaveValue(
    "Grain exports resume through Black Sea corridor, officials say",
  );
  await expect(dialog.getByRole("textbox", { name: "Publisher" })).toHaveValue("Northwire");
  await expect(dialog.getByRole("textbox", { name: "Author" })).toHaveValue("Olena Kovalenko, Mark Stein");
  await expect(dialog.getByLabel("Published")).toHaveValue("2024-03-15");
  await expect(dialog.getByRole("combobox", { name: "Type" })).toHaveValue("news article");
  await dialog.getByRole("combobox", { name: "Relation" }).selectOption("Supports");
  await dialog.getByRole("textbox", { name: "Quote" }).fill("the first departures in a month");
  await dialog.getByRole("textbox", { name: "Locator" }).fill("para 2");
  await dialog.getByRole("button", { name: "Save source" }).click();
  await expect(dialog).toBeHidden();

  const [source] = queryDb<SourceRow>("SELECT * FROM Source WHERE url = ?", `${ORIGIN}/pages/wire-jsonld-graph.html`);
  expect(source).toMatchObject({
    title: "Grain exports resume through Black Sea corridor, officials say",
    publisher: "Northwire",
    author: "Olena Kovalenko, Mark Stein",
    type: "news article",
  });
  expect(source!.publishedAt).not.toBeNull();
  expect(source!.accessedAt).not.toBeNull();
  const links = queryDb<{ relation: string; quote: string; locator: string }>(
    "SELECT relation, quote, locator FROM ClaimSource WHERE sourceId = ?",
    source!.id,
  );
  expect(links).toEqual([{ relation: "supports", quote: "the first departures in a month", locator: "para 2" }]);
  const snapshots = queryDb<{ httpStatus: number; sha256: string }>(
    "SELECT httpStatus, sha256 FROM SourceSnapshot WHERE sourceId = ?",
    source!.id,
  );
  expect(snapshots).toHaveLength(1);
  expect(snapshots[0]!.httpStatus).toBe(200);
  expect(queryDb("SELECT sha256 FROM Blob WHERE sha256 = ?", snapshots[0]!.sha256)).toHaveLength(1);
});

test("a refused address gives a clear message and the source can be typed by hand", async ({ page }) => {
  await signIn(page, "editor");
  const articleId = await importThroughForm(page, `Refused fetch ${Date.now()}`);
  const dialog = await openSourceDialog(page, articleId);
  await dialog.getByRole("textbox", { name: "URL" }).fill("http://169.254.169.254/latest/meta-data/");
  await dialog.getByRole("button", { name: "Fetch details" }).click();
  await expect(dialog.getByRole("status")).toContainText(
    "Could not fetch the details: Refused: 169.254.169.254 is a link-local address",
  );
  await expect(dialog.getByRole("status")).toContainText("Fill them in by hand");
  await dialog.getByRole("textbox", { name: "Title" }).fill("Instance metadata (typed by hand)");
  await dialog.getByRole("button", { name: "Save source" }).click();
  await expect(dialog).toBeHidden();
  const rows = queryDb<SourceRow>("SELECT title FROM Source WHERE url = ?", "http://169.254.169.254/latest/meta-data/");
  expect(rows).toEqual([{ title: "Instance metadata (typed by hand)" }]);
  expect(queryDb("SELECT id FROM SourceSnapshot WHERE url = ?", "http://169.254.169.254/latest/meta-data/")).toHaveLength(0);
});

test("the library finds a source; its page checks the link, rates it, shows snapshots and merges a duplicate", async ({
  page,
  context,
}) => {
  await signIn(page, "editor");
  const articleId = await importThroughForm(page, `Library e2e ${Date.now()}`);
  const kept = await addSourceByApi(page, articleId, {
    url: `${ORIGIN}/pages/report-landing.html`,
    title: "Heat and Health e2e",
    relation: "supports",
  });
  const dup = await addSourceByApi(page, articleId, {
    url: `${ORIGIN}/pages/report-landing.html?edition=print`,
    title: "Heat and Health e2e (print)",
    relation: "context",
  });
  // Keep a snapshot of the kept source's page through the API.
  const snap = await page.request.post(`/api/v1/sources/${kept.sourceId}/snapshots`, {
    headers: { origin: new URL(page.url()).origin },
  });
  expect(snap.status()).toBe(201);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sources" }).click();
  await page.getByRole("searchbox", { name: "Search sources" }).fill("Heat and Health e2e");
  await page.getByRole("button", { name: "Search" }).click();
  const table = page.getByRole("table", { name: "Sources" });
  await expect(table.getByRole("row")).toHaveCount(3);
  await table.getByRole("link", { name: "Heat and Health e2e", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Heat and Health e2e" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Cited by 1 claim" })).toBeVisible();

  await page.getByRole("button", { name: "Check link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Link check: OK: HTTP 200 OK" })).toBeVisible();
  expect(queryDb<{ health: string }>("SELECT health FROM Source WHERE id = ?", kept.sourceId)).toEqual([{ health: "ok" }]);

  await page.getByRole("button", { name: "Save to the Wayback Machine" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The Wayback Machine could not save" })).toBeVisible();
  expect(queryDb<{ archiveUrl: string | null }>("SELECT archiveUrl FROM Source WHERE id = ?", kept.sourceId)).toEqual([
    { archiveUrl: null },
  ]);

  await page.getByRole("combobox", { name: "Source credibility" }).selectOption("mixed");
  await page.getByRole("textbox", { name: "Credibility note" }).fill("Funded by an interested party");
  await page.getByRole("button", { name: "Save rating" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Rating saved." })).toBeVisible();
  expect(queryDb("SELECT credibility, credibilityNote FROM Source WHERE id = ?", kept.sourceId)).toEqual([
    { credibility: "mixed", credibilityNote: "Funded by an interested party" },
  ]);

  const [viewer] = await Promise.all([
    context.waitForEvent("page"),
    page.getByRole("link", { name: /^View snapshot of / }).click(),
  ]);
  await expect(viewer.getByRole("note")).toContainText("Claimtrack snapshot of");
  await expect(viewer.getByRole("heading", { name: "Heat and Health in European Cities: 2023 Assessment" })).toBeVisible();
  await viewer.close();

  // Merge the print edition into the kept source from the duplicate's page.
  await page.goto(`/sources/${dup.sourceId}`);
  await page
    .getByRole("combobox", { name: "Merge into" })
    .selectOption({ label: `Heat and Health e2e (${ORIGIN}/pages/report-landing.html)` });
  await page.getByRole("button", { name: "Merge", exact: true }).click();
  // Asked first: nothing merged until confirmed.
  await expect(page.getByText(/This source leaves the library and its claim links move there/)).toBeVisible();
  expect(queryDb("SELECT mergedIntoId FROM Source WHERE id = ?", dup.sourceId)).toEqual([{ mergedIntoId: null }]);
  await page.getByRole("button", { name: "Confirm merge" }).click();
  await expect(page).toHaveURL(new RegExp(`/sources/${kept.sourceId}$`));
  await expect(page.getByRole("heading", { name: "Cited by 2 claims" })).toBeVisible();
  expect(queryDb("SELECT mergedIntoId FROM Source WHERE id = ?", dup.sourceId)).toEqual([{ mergedIntoId: kept.sourceId }]);
  expect(queryDb("SELECT id FROM ClaimSource WHERE sourceId = ?", dup.sourceId)).toHaveLength(0);
  await page.goto(`/sources?q=${encodeURIComponent("Heat and Health e2e")}`);
  await expect(page.getByRole("table", { name: "Sources" }).getByRole("row")).toHaveCount(2);
});

test("Check all links shows progress that survives a reload, and the library filters by health", async ({ page }) => {
  await signIn(page, "editor");
  const articleId = await importThroughForm(page, `Health e2e ${Date.now()}`);
  await addSourceByApi(page, articleId, {
    url: `${ORIGIN}/status/410?e2e=${Date.now()}`,
    title: "Withdrawn page e2e",
    relation: "context",
  });
  await page.goto("/sources");
  await page.getByRole("button", { name: "Check all links" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Checked \d+ links:/ })).toBeVisible({ timeout: 30_000 });
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: /^Checked \d+ links:/ })).toBeVisible();
  const [job] = queryDb<{ status: string; total: number; done: number }>(
    "SELECT status, total, done FROM Job WHERE kind = 'sources.check' ORDER BY createdAt DESC LIMIT 1",
  );
  expect(job!.status).toBe("done");
  expect(job!.done).toBe(job!.total);
  await expect(page.getByRole("progressbar", { name: "Links checked" })).toHaveAttribute("value", String(job!.done));

  await page.getByRole("combobox", { name: "Health" }).selectOption("Gone");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("link", { name: "Withdrawn page e2e" })).toBeVisible();
  const gone = queryDb<{ n: number }>("SELECT COUNT(*) AS n FROM Source WHERE health = 'gone' AND mergedIntoId IS NULL")[0]!.n;
  await expect(page.getByRole("table", { name: "Sources" }).getByRole("row")).toHaveCount(gone + 1);
});

test("imports an article from a URL with its snapshot", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto("/articles/new");
  await page.getByRole("textbox", { name: "Article URL" }).fill(`${ORIGIN}/pages/broken-jsonld.html`);
  await page.getByRole("button", { name: "Split into claims" }).click();
  const articleId = await openedArticleId(page);
  const [row] = queryDb<{ title: string; url: string; publisher: string; snapshotSha256: string }>(
    "SELECT title, url, publisher, snapshotSha256 FROM Article WHERE id = ?",
    articleId,
  );
  expect(row).toMatchObject({
    title: "Port strike enters second week as talks stall",
    url: `${ORIGIN}/pages/broken-jsonld.html`,
    publisher: "Harbour Times",
  });
  expect(queryDb("SELECT sha256 FROM Blob WHERE sha256 = ?", row!.snapshotSha256)).toHaveLength(1);

  await page.goto("/articles/new");
  await page.getByRole("textbox", { name: "Article URL" }).fill("http://10.0.0.7/story");
  await page.getByRole("button", { name: "Split into claims" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Refused: 10.0.0.7 is a private address" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Article URL" })).toHaveValue("http://10.0.0.7/story");
});

test("an uploaded document and a low-credibility figure in the report", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto("/sources/new");
  // An empty file is refused, not taken for a source without a file.
  await page.getByRole("textbox", { name: "Title" }).fill("Empty letter e2e");
  await page.getByLabel("Document file").setInputFiles({ name: "empty.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(0) });
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "empty.pdf is empty" })).toBeVisible();
  expect(queryDb("SELECT id FROM Source WHERE title = 'Empty letter e2e'")).toEqual([]);

  await page.getByRole("textbox", { name: "Title" }).fill("Ministry letter e2e");
  await page
    .getByLabel("Document file")
    .setInputFiles({ name: "letter.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 e2e letter") });
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ministry letter e2e" })).toBeVisible();
  const [upload] = queryDb<{ id: string; url: string; fileSha256: string; fileName: string }>(
    "SELECT id, url, fileSha256, fileName FROM Source WHERE title = 'Ministry letter e2e'",
  );
  expect(upload).toMatchObject({ url: `claimtrack:file/${upload!.fileSha256}`, fileName: "letter.pdf" });
  const download = await page.request.get(`/api/v1/blobs/${upload!.fileSha256}`);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="letter.pdf"/);
  expect(await download.text()).toBe("%PDF-1.4 e2e letter");

  // The same bytes again, under another title: the one source opens, and says the new details were not saved.
  await page.goto("/sources/new");
  await page.getByRole("textbox", { name: "Title" }).fill("Another title for the same letter");
  await page.getByLabel("Document file").setInputFiles({ name: "copy.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 e2e letter") });
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ministry letter e2e" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "This file was already in the library" })).toBeVisible();

  // Cite a source, rate its publisher unreliable: the report counts the claim.
  const articleId = await importThroughForm(page, `Low credibility e2e ${Date.now()}`);
  const { sourceId } = await addSourceByApi(page, articleId, {
    url: `https://rumours-e2e.example/story-${Date.now()}`,
    relation: "supports",
  });
  await page.goto(`/sources/${sourceId}`);
  await page.getByRole("combobox", { name: "Publisher credibility" }).selectOption("unreliable");
  await page.getByRole("textbox", { name: "Publisher note" }).fill("Invents quotes");
  await page.getByRole("button", { name: "Save publisher rating" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Publisher rating saved." })).toBeVisible();
  expect(queryDb("SELECT rating, note FROM DomainRating WHERE domain = 'rumours-e2e.example'")).toEqual([
    { rating: "unreliable", note: "Invents quotes" },
  ]);
  // The source's own rating starts unchosen: saving a note alone must not rate it "unknown",
  // which would outrank the publisher's "unreliable".
  await expect(page.getByRole("combobox", { name: "Source credibility" })).toHaveValue("");
  await page.getByRole("textbox", { name: "Credibility note" }).fill("Only a note");
  await page.getByRole("button", { name: "Save rating" }).click();
  await expect(page.getByText("Credibility must be reliable, mixed, unreliable or unknown")).toBeVisible();
  expect(queryDb("SELECT credibility FROM Source WHERE id = ?", sourceId)).toEqual([{ credibility: null }]);
  await page.goto(`/articles/${articleId}/report`);
  await expect(page.getByRole("heading", { name: "Backed only by low-credibility sources (1)" })).toBeVisible();
  await expect(page.getByText("Unreliable (publisher)").first()).toBeVisible();
});
