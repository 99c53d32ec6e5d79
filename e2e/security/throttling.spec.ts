import { expect, test } from "@playwright/test";
import { createUser } from "../support/cli";

test("repeated wrong passwords lock the account for a while, with a clear message", async ({ page }) => {
  const email = `locked-${Date.now()}@example.org`;
  createUser(email, "editor");
  await page.goto("/login");
  for (let i = 0; i < 5; i++) {
    await page.getByRole("textbox", { name: "Email" }).fill(email);
    await page.getByLabel("Password").fill(`wrong password ${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "email or password is wrong" })).toBeVisible();
  }
  // Even the right password is refused now.
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Too many attempts" })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});
