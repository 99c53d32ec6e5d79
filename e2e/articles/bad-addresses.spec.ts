import { expect, test } from "@playwright/test";
import { signIn } from "../support/login";

// A list page whose address carries a filter or page number it cannot read says which,
// with a way back to the plain list, instead of the generic error page.
test("a bad page number or filter in a list's address is explained, not a server error", async ({ page }) => {
  await signIn(page, "admin");
  const cases: [string, string, RegExp][] = [
    ["/articles?page=abc", "/articles", /Page must be a whole number from 1 to 100,000/],
    ["/articles?page=0", "/articles", /Page must be a whole number from 1 to 100,000/],
    ["/sources?health=zzz", "/sources", /Health must be one of: /],
    ["/sources?page=1.5", "/sources", /Page must be a whole number/],
    ["/admin/audit?page=-1", "/admin/audit", /Page must be a whole number/],
  ];
  for (const [address, plain, message] of cases) {
    const response = await page.goto(address);
    expect(response?.status(), address).toBe(200);
    await expect(page.getByRole("alert").filter({ hasText: "This address asks for something" })).toHaveText(message);
    await page.getByRole("link", { name: "Show the whole list" }).click();
    await expect(page).toHaveURL(new RegExp(`${plain.replace(/\//g, "\\/")}$`));
    await expect(page.getByRole("alert").filter({ hasText: "This address asks for something" })).toHaveCount(0);
  }
});
