import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { queryDb } from "../support/db";
import { signIn } from "../support/login";
import { importThroughForm } from "../support/import";

type Row = { text: string; tag: string | null; speaker: string | null; cue: string | null; tagOrigin: string | null };
const row = (articleId: string, startsWith: string) =>
  queryDb<Row>('SELECT text, tag, speaker, cue, "tagOrigin" FROM Claim WHERE articleId = ? AND text LIKE ? AND "deletedAt" IS NULL', articleId, `${startsWith}%`)[0];

test("the whole tagging loop works from the keyboard", async ({ page }) => {
  await signIn(page, "editor");
  const articleId = await importThroughForm(page, `Keyboard ${Date.now()}`);
  await page.getByRole("list", { name: "Claims" }).getByRole("listitem").first().focus();

  // "?" lists every shortcut.
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await expect(help.getByRole("row", { name: /Next claim/ })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // First claim: Stated with "1".
  await page.keyboard.press("1");
  await expect.poll(() => row(articleId, "The military forces of Poland")?.tag).toBe("stated");

  // Next claim with "j": accept its suggestion with "a".
  await page.keyboard.press("j");
  const second = page.getByRole("list", { name: "Claims" }).getByRole("listitem").nth(1);
  await expect(second).toBeFocused();
  await page.keyboard.press("a");
  await expect.poll(() => row(articleId, "The governments of the four NATO")).toMatchObject({ tag: "attributed", tagOrigin: "suggestion" });

  // Edit the speaker ("s"), leave the field with Esc, edit the cue ("c").
  await page.keyboard.press("s");
  const speaker = second.getByRole("textbox", { name: "Speaker" });
  await expect(speaker).toBeFocused();
  await speaker.fill("The governments of Poland, Latvia, Lithuania and Estonia");
  await page.keyboard.press("Escape");
  await expect(second).toBeFocused();
  await page.keyboard.press("c");
  await expect(second.getByRole("textbox", { name: "Cue" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect.poll(() => row(articleId, "The governments of the four NATO")?.speaker).toBe("The governments of Poland, Latvia, Lithuania and Estonia");

  // "k" goes back, "j" twice forward, "2" for Disputed.
  await page.keyboard.press("k");
  await expect(page.getByRole("list", { name: "Claims" }).getByRole("listitem").first()).toBeFocused();
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("2");
  await expect.poll(() => row(articleId, "In a joint statement, the defense ministries")?.tag).toBe("disputed");

  // "o" opens the source dialog; it is filled and saved with the keyboard.
  await page.keyboard.press("o");
  const dialog = page.getByRole("dialog", { name: "Add source" });
  await expect(dialog).toBeVisible();
  await page.keyboard.type("https://example.org/statement");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Joint statement");
  await dialog.getByRole("combobox", { name: "Relation" }).focus();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  // Focus goes back to the claim that opened the dialog (and the page has seen it close).
  await expect(page.getByRole("list", { name: "Claims" }).getByRole("listitem").nth(2)).toBeFocused();
  await page.keyboard.press("o");
  await expect(dialog).toBeVisible();
  await page.keyboard.type("https://example.org/statement");
  await dialog.getByRole("button", { name: "Save source" }).focus();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect
    .poll(() => queryDb<{ n: number }>("SELECT COUNT(*) AS n FROM ClaimSource cs JOIN Claim c ON c.id = cs.claimId WHERE c.articleId = ?", articleId)[0]!.n)
    .toBe(1);

  // Focus stays visible on the claim, and "r" opens the report.
  const focused = page.getByRole("list", { name: "Claims" }).getByRole("listitem").nth(2);
  await focused.focus();
  const outline = await focused.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
  await page.keyboard.press("r");
  await expect(page.getByRole("heading", { name: "Claim report" })).toBeVisible();
});

test("the annotate page has no serious or critical accessibility violations", async ({ page }) => {
  await signIn(page, "editor");
  await importThroughForm(page, `Axe ${Date.now()}`);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});
