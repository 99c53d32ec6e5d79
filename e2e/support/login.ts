import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "claimtrack";

/** Signs in through the login form as one of the demo accounts. */
export async function signIn(page: Page, who: "admin" | "editor" | "reviewer") {
  await page.goto("/login");
  await page.getByRole("textbox", { name: "Email" }).fill(`${who}@example.com`);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/articles$/);
}
