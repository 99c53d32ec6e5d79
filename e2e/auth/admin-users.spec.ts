import { expect, test } from "@playwright/test";
import { signIn } from "../support/login";
import { queryDb } from "../support/db";

// The admin's user page says what was stored (the address lower-cased, the new role) and
// keeps the keyboard focus on the button pressed.
test("an admin adds a user, changes their role and deactivates them, told exactly what happened", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/users");
  const email = `New.Person.${Date.now()}@Example.com`;
  await page.getByRole("textbox", { name: "Name" }).fill("New Person");
  await page.getByRole("textbox", { name: "Email" }).fill(email);
  await page.getByLabel("Initial password").fill("a long enough password");
  await page.getByRole("button", { name: "Add user" }).click();
  const status = page.getByRole("status").filter({ hasText: /^(Created|Changed|Deactivated)/ });
  await expect(status).toHaveText(`Created ${email.toLowerCase()}.`);
  await expect(page.getByRole("button", { name: "Add user" })).toBeFocused();

  await page.getByRole("combobox", { name: `Role of ${email.toLowerCase()}` }).selectOption("reviewer");
  await expect(status).toHaveText(`Changed the role of ${email.toLowerCase()} to reviewer.`);
  const deactivate = page.getByRole("button", { name: `Deactivate ${email.toLowerCase()}` });
  await deactivate.click();
  await expect(status).toHaveText(`Deactivated ${email.toLowerCase()}.`);
  await expect(page.getByRole("button", { name: `Reactivate ${email.toLowerCase()}` })).toBeFocused();
  expect(queryDb<{ role: string; isActive: number }>("SELECT role, isActive FROM User WHERE email = ?", email.toLowerCase())).toEqual([
    { role: "reviewer", isActive: 0 },
  ]);
});
