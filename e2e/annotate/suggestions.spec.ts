import { expect, test } from "@playwright/test";
import { queryDb } from "../support/db";
import { signIn } from "../support/login";
import { importThroughForm } from "../support/import";

type Row = { text: string; tag: string | null; speaker: string | null; cue: string | null; tagOrigin: string | null; suggestedTag: string };

test("an editor reads a suggestion's reasons and accepts it with one key", async ({ page }) => {
  await signIn(page, "editor");
  const articleId = await importThroughForm(page, `Suggestions ${Date.now()}`);
  const item = page.getByRole("list", { name: "Claims" }).getByRole("listitem").filter({ hasText: "The governments of the four NATO member states" });
  await expect(item.getByText(/Suggested: Attributed/)).toBeVisible();
  await expect(item.getByText(/cue 'stated'/)).toBeVisible();
  // The suggested speaker and cue are marked in the article text.
  await expect(page.locator(".article-text .ev-cue", { hasText: "stated" }).first()).toBeVisible();

  await item.getByRole("radio", { name: "Stated" }).focus();
  await page.keyboard.press("a");
  await expect(item.getByRole("radio", { name: "Attributed" })).toBeChecked();
  await expect(item.getByText(/Suggestion accepted by Eddie Editor/)).toBeVisible();
  await expect(item.getByRole("textbox", { name: "Cue" })).toHaveValue("stated");

  await expect
    .poll(() => queryDb<Row>('SELECT tag, cue, tagOrigin FROM Claim WHERE articleId = ? AND text LIKE ?', articleId, "The governments of the four NATO%"))
    .toEqual([{ tag: "attributed", cue: "stated", tagOrigin: "suggestion" }]);
});

test("accept all suggestions above a confidence", async ({ page }) => {
  await signIn(page, "editor");
  const articleId = await importThroughForm(page, `Accept all ${Date.now()}`);
  const all = queryDb<{ c: number }>("SELECT COUNT(*) AS c FROM Claim WHERE articleId = ? AND suggestedConfidence >= 0.5", articleId)[0]!.c;
  await page.getByRole("spinbutton", { name: "Minimum confidence (%)" }).fill("50");
  await page.getByRole("button", { name: "Accept all suggestions above 50%" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Accepted ${all} suggestion` })).toBeVisible();
  const rows = queryDb<Row>("SELECT tag, suggestedTag, tagOrigin FROM Claim WHERE articleId = ? AND suggestedConfidence >= 0.5", articleId);
  expect(rows.length).toBe(all);
  for (const r of rows) expect([r.tag, r.tagOrigin]).toEqual([r.suggestedTag, "suggestion"]);
  await page.reload();
  await expect(page.getByText(new RegExp(`${all} of \\d+ tagged`))).toBeVisible();
});
