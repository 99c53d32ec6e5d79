import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { queryDb } from "../support/db";
import { signIn } from "../support/login";
import { importThroughForm } from "../support/import";
import { E2E_PORT } from "../../playwright.config";

// The cross-article dashboard of issue 6: full-text search with filters, the figures beside
// it, and "already checked" on the annotate page, which finds the same claim elsewhere.

test("/claims searches across articles, filters, and shows the figures", async ({ page }) => {
  await signIn(page, "editor");
  const marker = `zebrafinch${Date.now().toString(36)}`;
  const articleId = await importThroughForm(
    page,
    `Dashboard ${marker}`,
    `The ministry said the ${marker} count doubled in March.\nNobody disputed the ${marker} figures.`,
  );
  const [claim] = queryDb<{ id: string; version: number }>(
    "SELECT id, version FROM Claim WHERE articleId = ? ORDER BY start",
    articleId,
  );
  const patched = await page.request.patch(`/api/v1/claims/${claim!.id}`, {
    data: { tag: "attributed", speaker: "The ministry", cue: "said", version: claim!.version },
    headers: { origin: `http://127.0.0.1:${E2E_PORT}` },
  });
  expect(patched.status()).toBe(200);

  await page.goto("/claims");
  await page.getByRole("searchbox", { name: "Text" }).fill(marker);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${marker}`));
  await expect(page.getByText("2 claims; showing 1–2.")).toBeVisible();
  const results = page.getByRole("region", { name: "Results" }).getByRole("listitem");
  await expect(results).toHaveCount(2);

  await page.getByRole("combobox", { name: "Tag" }).selectOption("Attributed");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText("doubled in March");
  await expect(results.first().getByRole("link", { name: `Dashboard ${marker}` })).toHaveAttribute(
    "href",
    `/articles/${articleId}/report#claim-${claim!.id}`,
  );

  // The figures follow the filters; a speaker links to its own filter.
  const figures = page.getByRole("complementary", { name: "Figures for these claims" });
  await expect(figures.getByRole("link", { name: "The ministry" })).toBeVisible();
  await expect(figures.getByRole("img", { name: /Claims per month/ })).toBeVisible();
  await figures.getByRole("link", { name: "The ministry" }).click();
  await expect(page).toHaveURL(/speaker=The\+ministry/);
  await expect(page.getByRole("textbox", { name: "Speaker" })).toHaveValue("The ministry");

  // Bad input is explained next to its field, not thrown.
  await page.goto("/claims?from=2025-02-30&tag=opinion");
  await expect(page.getByText("From is not a real date")).toBeVisible();
  await expect(page.getByText(/Tag must be one of/)).toBeVisible();

  await page.goto(`/claims?q=${marker}`);
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test("already checked: a claim shows the same claim from another article, with its tag and sources", async ({ page }) => {
  await signIn(page, "editor");
  const stamp = Date.now().toString(36);
  const earlier = await importThroughForm(
    page,
    `Earlier ${stamp}`,
    `Officials in Quuxland${stamp} said the dam holds 40 million cubic metres of water.`,
  );
  const [old] = queryDb<{ id: string; version: number }>("SELECT id, version FROM Claim WHERE articleId = ?", earlier);
  await page.request.patch(`/api/v1/claims/${old!.id}`, {
    data: { tag: "attributed", speaker: "Officials", version: old!.version },
    headers: { origin: `http://127.0.0.1:${E2E_PORT}` },
  });
  await importThroughForm(
    page,
    `Later ${stamp}`,
    `Officials in Quuxland${stamp} say the dam holds 40 million cubic metres of water.\nIt rained.`,
  );
  const item = page.getByRole("list", { name: "Claims" }).getByRole("listitem").first();
  await item.click();
  await expect(item.getByText("Already checked elsewhere (1)")).toBeVisible();
  await item.getByText("Already checked elsewhere (1)").click();
  await expect(item.getByRole("link", { name: `Earlier ${stamp}` })).toBeVisible();
  await expect(item.getByText("Speaker: Officials")).toBeVisible();
});
