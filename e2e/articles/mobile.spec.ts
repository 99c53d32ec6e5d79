import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../support/login";
import { importThroughForm } from "../support/import";
import { queryDb } from "../support/db";

// A phone, 390 px wide: every page fits the screen's width (a wide table scrolls inside
// its own box), and the header's links keep their words on one line.

test.use({ viewport: { width: 390, height: 844 } });

async function expectFitsThePhone(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("main")).toBeVisible();
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: document.documentElement.clientWidth }));
  expect(widths.page, `${path} is wider than the screen`).toBeLessThanOrEqual(widths.screen);
  // Each header link is one line: no "A/r/t/i/c/l/e/s" down the side.
  for (const link of await page.getByRole("navigation", { name: "Main" }).getByRole("link").all()) {
    const box = (await link.boundingBox())!;
    expect(box.height, `"${await link.textContent()}" on ${path} wraps`).toBeLessThan(box.width);
    expect(box.height).toBeLessThan(32);
  }
}

test("every main page fits a 390-px-wide phone", async ({ page }) => {
  await signIn(page, "admin");
  const articleId = await importThroughForm(page, `Phone ${Date.now()} with a rather long title that has to wrap somewhere`);
  // A long speaker name: the report's speaker-grouping form lists it in a select.
  const [claim] = queryDb<{ id: string; version: number }>("SELECT id, version FROM Claim WHERE articleId = ? ORDER BY start LIMIT 1", articleId);
  const tagged = await page.request.patch(`/api/v1/claims/${claim!.id}`, {
    data: { tag: "attributed", speaker: "The Ministry of Foreign Affairs of the Republic of Finland's press office", cue: "said", version: claim!.version },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(tagged.status(), await tagged.text()).toBe(200);
  for (const path of ["/articles", "/sources", "/claims", "/review", "/admin/users", "/admin/audit", "/settings", `/articles/${articleId}`, `/articles/${articleId}/report`]) {
    await expectFitsThePhone(page, path);
  }
  // The article list's table scrolls sideways in its own box; its titles do not go a letter a line.
  await page.goto("/articles");
  const title = page.getByRole("link", { name: /^Phone \d+/ });
  const box = (await title.boundingBox())!;
  expect(box.width).toBeGreaterThan(60);
});
