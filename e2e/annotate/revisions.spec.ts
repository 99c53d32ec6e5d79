import { expect, test } from "@playwright/test";
import { queryDb } from "../support/db";
import { signIn } from "../support/login";
import { SAMPLE, importThroughForm } from "../support/import";

test("importing a revision re-anchors claims: anchored, changed and orphaned, in the page and the database", async ({ page }) => {
  await signIn(page, "editor");
  const articleId = await importThroughForm(page, `Revision ${Date.now()}`);
  const finland = page.getByRole("list", { name: "Claims" }).getByRole("listitem").filter({ hasText: "Finland, which also borders Russia" });
  await finland.getByRole("radio", { name: "Stated" }).check();
  await expect(finland.getByText("Saved")).toBeVisible();

  const corrected = SAMPLE.replace("signed in 1997", "signed in Ottawa in 1997").replace(
    "Ukraine, a technical signatory to the convention, has effectively ceased its participation since 2014. ",
    "",
  );
  await page.getByRole("link", { name: "Revisions" }).click();
  await page.getByRole("textbox", { name: "Revision text" }).fill(corrected);
  await page.getByRole("button", { name: "Import revision" }).click();
  await expect(page.getByRole("heading", { name: "Changes from revision 1 to 2" })).toBeVisible();
  await expect(page.getByText(/changed: needs re-review/)).toBeVisible();
  await expect(page.getByText("orphaned", { exact: false }).first()).toBeVisible();

  type Row = { text: string; anchorStatus: string; previousText: string | null; tag: string | null };
  const rows = queryDb<Row>('SELECT text, "anchorStatus", "previousText", tag FROM Claim WHERE articleId = ? AND "deletedAt" IS NULL', articleId);
  expect(rows.find((r) => r.text.startsWith("The Ottawa Treaty, signed in Ottawa"))).toMatchObject({ anchorStatus: "changed", previousText: expect.stringContaining("signed in 1997") });
  expect(rows.find((r) => r.text.startsWith("Ukraine, a technical signatory"))).toMatchObject({ anchorStatus: "orphaned" });
  expect(rows.find((r) => r.text.startsWith("Finland, which also borders Russia"))).toMatchObject({ anchorStatus: "anchored", tag: "stated" });

  await page.getByRole("link", { name: "Annotate" }).click();
  const changed = page.getByRole("list", { name: "Claims" }).getByRole("listitem").filter({ hasText: "The Ottawa Treaty, signed in Ottawa" });
  await expect(changed.getByRole("note")).toContainText("It used to read: The Ottawa Treaty, signed in 1997");
  await expect(page.getByRole("heading", { name: "Orphaned claims (1)" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Orphaned claims" })).toContainText("Ukraine, a technical signatory");
  await changed.getByRole("button", { name: "Mark as re-read" }).click();
  await expect
    .poll(() => queryDb<Row>('SELECT "anchorStatus" FROM Claim WHERE articleId = ? AND text LIKE ?', articleId, "The Ottawa Treaty, signed in Ottawa%")[0]?.anchorStatus)
    .toBe("anchored");
});

test("the revision box starts with the current text, and a text that would orphan most claims is imported only when confirmed", async ({ page }) => {
  await signIn(page, "editor");
  const articleId = await importThroughForm(page, `Revision guard ${Date.now()}`);
  await page.getByRole("link", { name: "Revisions" }).click();
  const box = page.getByRole("textbox", { name: "Revision text" });
  const stored = queryDb<{ text: string }>("SELECT text FROM ArticleRevision WHERE articleId = ? AND number = 1", articleId)[0]!.text;
  await expect(box).toHaveValue(stored);

  // One paragraph pasted over the whole article: asked first, nothing imported yet.
  await box.fill("Russia has repeatedly denied any aggressive intentions towards NATO.");
  await page.getByRole("button", { name: "Import revision" }).click();
  await expect(page.getByText(/This text keeps 0 of the current revision.s \d+ sentences/)).toBeVisible();
  expect(queryDb<{ n: number }>("SELECT count(*) AS n FROM ArticleRevision WHERE articleId = ?", articleId)[0]!.n).toBe(1);
  await page.getByRole("button", { name: "Import anyway" }).click();
  await expect(page.getByRole("heading", { name: "Changes from revision 1 to 2" })).toBeVisible();
  expect(queryDb<{ n: number }>("SELECT count(*) AS n FROM ArticleRevision WHERE articleId = ?", articleId)[0]!.n).toBe(2);
});

test("an uploaded revision file is used instead of the text box, which starts filled; an empty one is refused", async ({ page }) => {
  await signIn(page, "editor");
  const articleId = await importThroughForm(page, `Revision upload ${Date.now()}`);
  await page.getByRole("link", { name: "Revisions" }).click();
  await expect(page.getByRole("textbox", { name: "Revision text" })).not.toHaveValue("");

  await page.getByLabel("Upload revision file (instead of the text above)").setInputFiles({ name: "empty.txt", mimeType: "text/plain", buffer: Buffer.alloc(0) });
  await page.getByRole("button", { name: "Import revision" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "empty.txt is empty" })).toBeVisible();

  const corrected = SAMPLE.replace("signed in 1997", "signed in Ottawa in 1997");
  await page.getByLabel("Upload revision file (instead of the text above)").setInputFiles({ name: "corrected.txt", mimeType: "text/plain", buffer: Buffer.from(corrected) });
  await page.getByRole("button", { name: "Import revision" }).click();
  await expect(page.getByRole("heading", { name: "Changes from revision 1 to 2" })).toBeVisible();
  const [latest] = queryDb<{ text: string }>("SELECT text FROM ArticleRevision WHERE articleId = ? ORDER BY number DESC LIMIT 1", articleId);
  expect(latest!.text).toContain("signed in Ottawa in 1997");
});
