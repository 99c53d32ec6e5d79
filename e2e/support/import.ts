import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

export const SAMPLE = fs.readFileSync(path.join(import.meta.dirname, "..", "..", "prisma", "demo", "ottawa-treaty-withdrawal.txt"), "utf8");

/** Waits for the annotate page that an import lands on and returns its article id. */
export async function openedArticleId(page: Page): Promise<string> {
  await expect(page.getByRole("list", { name: "Claims" })).toBeVisible();
  const match = /\/articles\/(c[a-z0-9]{20,})$/.exec(page.url());
  expect(match).not.toBeNull();
  return match![1]!;
}

/** Imports text through the form and returns the new article's id. */
export async function importThroughForm(page: Page, title: string, text = SAMPLE): Promise<string> {
  await page.goto("/articles/new");
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await page.getByRole("textbox", { name: "Article text" }).fill(text);
  await page.getByRole("button", { name: "Split into claims" }).click();
  return openedArticleId(page);
}
