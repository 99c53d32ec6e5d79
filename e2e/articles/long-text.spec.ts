import { expect, test } from "@playwright/test";
import { signIn } from "../support/login";
import { importThroughForm } from "../support/import";

// A 400-character title without a space and a long URL in the text wrap inside the page
// instead of widening it (they pushed the annotate page to 11,440 px at 1,400).
test("long unbroken titles and URLs wrap instead of widening the page", async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await signIn(page, "editor");
  const title = `Unbroken${"x".repeat(400)}${Date.now()}`;
  const url = `https://example.org/${"segment/".repeat(60)}end`;
  const articleId = await importThroughForm(page, title, `The ministry published the figures at ${url} on Monday. Nobody disputed them.`);
  for (const path of [`/articles/${articleId}`, `/articles/${articleId}/report`, "/articles"]) {
    await page.goto(path);
    await expect(page.getByText(title).first()).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, path).toBeLessThanOrEqual(1400);
  }
});
