import { expect, test, type Locator, type Page } from "@playwright/test";
import { queryDb, type ClaimRow } from "../support/db";
import { signIn } from "../support/login";
import { SAMPLE, openedArticleId } from "../support/import";

function claimsOf(articleId: string): ClaimRow[] {
  return queryDb<ClaimRow>('SELECT id, start, "end", text, tag, speaker, cue, version FROM Claim WHERE articleId = ? ORDER BY start', articleId);
}

async function claimItem(page: Page, startsWith: string): Promise<Locator> {
  const item = page.getByRole("list", { name: "Claims" }).getByRole("listitem").filter({ hasText: startsWith });
  await expect(item).toHaveCount(1);
  return item;
}

test("an editor imports, tags, sources and reads the report", async ({ page }) => {
  const title = `Ottawa treaty e2e ${Date.now()}`;
  await signIn(page, "editor");

  // Import: paste the sample article.
  await page.goto("/articles/new");
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await page.getByRole("textbox", { name: "Article text" }).fill(SAMPLE);
  await page.getByRole("button", { name: "Split into claims" }).click();
  const articleId = await openedArticleId(page);

  const [article] = queryDb<{ title: string }>("SELECT title FROM Article WHERE id = ?", articleId);
  expect(article?.title).toBe(title);
  const [revision] = queryDb<{ text: string }>("SELECT text FROM ArticleRevision WHERE articleId = ?", articleId);
  const stored = claimsOf(articleId);
  expect(stored.length).toBeGreaterThan(10);
  for (const c of stored) expect(revision!.text.slice(c.start, c.end)).toBe(c.text);

  const items = page.getByRole("list", { name: "Claims" }).getByRole("listitem");
  await expect(items).toHaveCount(stored.length);

  // Tag three claims of different kinds.
  const stated = await claimItem(page, "The Ottawa Treaty, signed in 1997");
  await stated.getByRole("radiogroup", { name: "Tag" }).getByRole("radio", { name: "Stated" }).check();
  await expect(stated.getByText("Saved")).toBeVisible();

  const attributed = await claimItem(page, "The governments of the four NATO member states");
  await expect(attributed.getByRole("textbox", { name: "Speaker" })).toHaveCount(0);
  await attributed.getByRole("radio", { name: "Attributed" }).check();
  await attributed.getByRole("textbox", { name: "Speaker" }).fill("The governments of the four NATO member states");
  await attributed.getByRole("textbox", { name: "Cue" }).fill("stated");
  await attributed.getByRole("textbox", { name: "Cue" }).press("Tab");
  await expect(attributed.getByText("Saved")).toBeVisible();

  const disputed = await claimItem(page, "Poland, Latvia, Lithuania and Estonia claim to be facing");
  await disputed.getByRole("radio", { name: "Disputed" }).check();
  await expect(disputed.getByText("Saved")).toBeVisible();
  // A disputed claim records who disputes it; a stated one is the outlet's own voice.
  await disputed.getByRole("textbox", { name: "Speaker" }).fill("Poland, Latvia, Lithuania and Estonia");
  await disputed.getByRole("textbox", { name: "Speaker" }).press("Tab");
  await expect(stated.getByRole("textbox", { name: "Speaker" })).toHaveCount(0);

  await expect
    .poll(() => claimsOf(articleId).filter((c) => c.tag !== null).map((c) => [c.tag, c.speaker, c.cue]))
    .toEqual([
      ["attributed", "The governments of the four NATO member states", "stated"],
      ["stated", null, null],
      ["disputed", "Poland, Latvia, Lithuania and Estonia", null],
    ]);

  // Add a source to the attributed claim.
  await attributed.getByRole("button", { name: "Add source" }).click();
  const dialog = page.getByRole("dialog", { name: "Add source" });
  await dialog.getByRole("textbox", { name: "URL" }).fill("https://www.example.org/joint-statement?utm_source=e2e");
  await dialog.getByRole("textbox", { name: "Title" }).fill("Joint statement of the defence ministers");
  await dialog.getByRole("combobox", { name: "Relation" }).selectOption("Origin");
  await dialog.getByRole("textbox", { name: "Quote" }).fill("flexibility and freedom of choice");
  await dialog.getByRole("button", { name: "Save source" }).click();
  await expect(dialog).toBeHidden();
  await expect(attributed.getByRole("link", { name: "Joint statement of the defence ministers" })).toBeVisible();
  const links = queryDb<{ url: string; relation: string; quote: string }>(
    "SELECT s.url, cs.relation, cs.quote FROM ClaimSource cs JOIN Source s ON s.id = cs.sourceId JOIN Claim c ON c.id = cs.claimId WHERE c.articleId = ?",
    articleId,
  );
  expect(links).toEqual([{ url: "https://www.example.org/joint-statement", relation: "origin", quote: "flexibility and freedom of choice" }]);

  // Everything survives a reload.
  await page.reload();
  await expect((await claimItem(page, "The Ottawa Treaty, signed in 1997")).getByRole("radio", { name: "Stated" })).toBeChecked();
  const reloaded = await claimItem(page, "The governments of the four NATO member states");
  await expect(reloaded.getByRole("textbox", { name: "Speaker" })).toHaveValue("The governments of the four NATO member states");

  // The report counts what was tagged and sourced.
  await page.getByRole("link", { name: "Report" }).click();
  await expect(page.getByRole("heading", { name: "Claim report" })).toBeVisible();
  const figures = page.locator(".figures");
  await expect(figures.getByRole("definition").nth(0)).toHaveText("1");
  await expect(figures.getByRole("definition").nth(1)).toHaveText("1");
  await expect(figures.getByRole("definition").nth(2)).toHaveText("1");
  await expect(figures.getByRole("definition").nth(3)).toHaveText(String(stored.length - 3));
  await expect(page.getByRole("heading", { name: `Unsourced claims (${stored.length - 1})` })).toBeVisible();
});

test("the import form explains bad input and keeps what was typed", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto("/articles/new");
  await page.getByRole("textbox", { name: "Article text" }).fill("Some text without a title.");
  await page.getByRole("button", { name: "Split into claims" }).click();
  await expect(page.getByText("Title is required").first()).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Article text" })).toHaveValue("Some text without a title.");
  await expect(page).toHaveURL(/\/articles\/new$/);
});

test("an uploaded HTML page is reduced to its article text", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto("/articles/new");
  const html = `<!doctype html><html><head><title>Mines at the border</title><style>p{color:red}</style>
    <script>document.title = "hacked"</script></head><body><nav>Home | World</nav><article><h1>Mines at the border</h1>
    <p>Warsaw launched the Eastern Shield project. Officials hinted that mines could play a role.</p>
    <p>Finland joined NATO in 2023.</p></article></body></html>`;
  await page.getByLabel("Upload file").setInputFiles({ name: "mines.html", mimeType: "text/html", buffer: Buffer.from(html) });
  await page.getByRole("button", { name: "Split into claims" }).click();
  const articleId = await openedArticleId(page);
  const [row] = queryDb<{ title: string; text: string }>(
    "SELECT a.title, r.text FROM Article a JOIN ArticleRevision r ON r.articleId = a.id WHERE a.id = ?",
    articleId,
  );
  expect(row?.title).toBe("Mines at the border");
  expect(row?.text).toContain("Warsaw launched the Eastern Shield project.");
  expect(row?.text).not.toContain("hacked");
  expect(row?.text).not.toContain("color:red");
  await expect(page.getByRole("list", { name: "Claims" }).getByRole("listitem").first()).toBeVisible();
});

test("a binary upload is refused with a clear message", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto("/articles/new");
  await page.getByLabel("Upload file").setInputFiles({ name: "photo.txt", mimeType: "text/plain", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff]) });
  await page.getByRole("button", { name: "Split into claims" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "photo.txt is not valid UTF-8 text" })).toBeVisible();
});
