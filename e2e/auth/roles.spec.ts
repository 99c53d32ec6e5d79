import { expect, test } from "@playwright/test";
import { signIn } from "../support/login";

test("a wrong password is refused with a message", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("textbox", { name: "Email" }).fill("editor@example.com");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "email or password is wrong" })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("a reviewer reads the demo article and report but cannot edit", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.getByRole("link", { name: /Ottawa landmine treaty/ }).first().click();
  const first = page.getByRole("list", { name: "Claims" }).getByRole("listitem").first();
  // Every control is disabled until hydration (components/ui/hydrated-fieldset.tsx): wait for it first.
  await expect(page.locator("fieldset.workspace[data-hydrated]")).toBeVisible();
  await expect(first.getByRole("radio", { name: "Stated" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Add source" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Import" })).toHaveCount(0);
  await page.goto("/articles/new");
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await page.goBack();
  await page.getByRole("link", { name: "Report" }).click();
  await expect(page.getByRole("heading", { name: "Claim report" })).toBeVisible();
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "editor");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/articles");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Farticles/);
});

test("signed-out visitors are sent to the login page and back", async ({ page }) => {
  await page.goto("/articles?q=Ottawa");
  await expect(page).toHaveURL(/\/login/);
  await page.getByRole("textbox", { name: "Email" }).fill("admin@example.com");
  await page.getByLabel("Password").fill("claimtrack");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Articles" })).toBeVisible();
  await page.getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("cell", { name: "reviewer@example.com", exact: true })).toBeVisible();
});

test("pages load without console errors, with the app's icon", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  await page.goto("/login");
  const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(icon).toBeTruthy();
  expect((await page.request.get(icon!)).status()).toBe(200);
  await signIn(page, "editor");
  await page.goto("/articles");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(errors).toEqual([]);
});
