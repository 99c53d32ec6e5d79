import { expect, test, type Page } from "@playwright/test";
import { createUser } from "../support/cli";
import { signIn } from "../support/login";
import { queryDb } from "../support/db";

// A password is changed in Settings with the current one, or set by an admin for someone
// who forgot theirs; either way that person's sessions end.

async function signInAs(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByRole("textbox", { name: "Email" }).fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a user changes their own password in Settings, is signed out, and signs in with the new one", async ({ page }) => {
  const email = `changer-${Date.now()}@example.org`;
  createUser(email, "editor");
  await signInAs(page, email, "correct horse battery");
  await expect(page).toHaveURL(/\/articles$/);
  await page.goto("/settings");
  const form = page.getByRole("region", { name: "Password" });
  await form.getByLabel("Current password").fill("not my password");
  await form.getByLabel("New password (10 characters or more)").fill("a brand new password");
  await form.getByLabel("New password again").fill("a brand new password");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("The current password is wrong").first()).toBeVisible();

  await form.getByLabel("Current password").fill("correct horse battery");
  await form.getByLabel("New password again").fill("a brand new passwort");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("The two new passwords differ")).toBeVisible();

  await form.getByLabel("New password again").fill("a brand new password");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signInAs(page, email, "correct horse battery");
  await expect(page.getByRole("alert").filter({ hasText: "email or password is wrong" })).toBeVisible();
  await signInAs(page, email, "a brand new password");
  await expect(page).toHaveURL(/\/articles$/);
  expect(queryDb<{ n: number }>("SELECT count(*) AS n FROM AuditEvent e JOIN User u ON u.id = e.entityId WHERE e.action = 'user.password' AND u.email = ?", email)[0]!.n).toBe(1);
});

test("an admin sets a password for someone who forgot theirs", async ({ page, browser }) => {
  const email = `forgetful-${Date.now()}@example.org`;
  createUser(email, "reviewer");
  await signIn(page, "admin");
  await page.goto("/admin/users");
  await page.getByRole("combobox", { name: "User", exact: true }).selectOption({ label: email });
  await page.getByLabel("New password").fill("a temporary password");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Set a new password/ })).toHaveText(
    `Set a new password for ${email}; their sessions have ended. Tell them to change it in Settings.`,
  );
  const them = await (await browser.newContext()).newPage();
  await signInAs(them, email, "a temporary password");
  await expect(them).toHaveURL(/\/articles$/);
  await them.context().close();
});
