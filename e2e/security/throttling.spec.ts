import { expect, test, type Page } from "@playwright/test";
import { createUser } from "../support/cli";
import { exited, freshEnv, startServer } from "../support/server";

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
  // The wait is exact (15-minute window, just started), not "a few minutes".
  await expect(page.getByRole("alert").filter({ hasText: "Too many" })).toHaveText(/^Too many failed sign-ins\. Try again in 1[45] minutes\.$/);
  await expect(page).toHaveURL(/\/login/);
});

test("a browser that signed in before gets in while wrong passwords from elsewhere have locked the account", async ({ browser }) => {
  const email = `known-device-${Date.now()}@example.org`;
  createUser(email, "editor");
  const signInAs = async (page: Page, password: string) => {
    await page.goto("/login");
    await page.getByRole("textbox", { name: "Email" }).fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  };
  // The owner signs in and out: the browser keeps a device cookie, for sign-ins only.
  const owner = await browser.newContext();
  const ownerPage = await owner.newPage();
  await signInAs(ownerPage, "correct horse battery");
  await expect(ownerPage).toHaveURL(/\/articles$/);
  const [device] = (await owner.cookies()).filter((c) => c.name === "claimtrack-device");
  expect(device).toMatchObject({ path: "/api/auth", httpOnly: true, sameSite: "Lax" });
  expect(device!.value).toMatch(/^v1\./);
  await ownerPage.getByRole("button", { name: "Sign out" }).click();
  await expect(ownerPage).toHaveURL(/\/login/);

  // Someone else, from the same address, guesses until the account is locked for them.
  const guesser = await (await browser.newContext()).newPage();
  for (let i = 0; i < 5; i++) {
    await signInAs(guesser, `wrong password ${i}`);
    await expect(guesser.getByRole("alert").filter({ hasText: "email or password is wrong" })).toBeVisible();
  }
  await signInAs(guesser, "correct horse battery");
  await expect(guesser.getByRole("alert").filter({ hasText: "Too many" })).toHaveText(/^Too many failed sign-ins\. Try again in 1[45] minutes\.$/);

  // The owner's browser is counted on its own.
  await signInAs(ownerPage, "correct horse battery");
  await expect(ownerPage).toHaveURL(/\/articles$/);
  await owner.close();
});

test("a made-up X-Forwarded-For does not buy a fresh budget of attempts", async () => {
  test.setTimeout(120_000);
  // A server of its own: this one's address ends up throttled.
  const server = await startServer(freshEnv());
  try {
    const attempt = (headers: Record<string, string> = {}) =>
      fetch(`${server.url}/api/v1/articles`, { headers: { authorization: "Bearer not-a-real-token", ...headers } }).then((r) => r.status);
    // Bad tokens until the address is throttled (BAD_TOKENS_PER_IP in lib/data/rate-limit.ts).
    const statuses: number[] = [];
    while (statuses.length < 100 && statuses.at(-1) !== 429) statuses.push(await attempt());
    expect(statuses.at(-1)).toBe(429);
    expect(new Set(statuses.slice(0, -1))).toEqual(new Set([401]));
    // Before scripts/client-address.mjs, each new header value was a new address (401 again).
    expect(await attempt({ "x-forwarded-for": "203.0.113.7" })).toBe(429);
    expect(await attempt({ "x-forwarded-for": "198.51.100.1, 203.0.113.8" })).toBe(429);
    // A real token still works from the throttled address.
    const ok = await fetch(`${server.url}/api/v1/articles`, { headers: { authorization: `Bearer ${server.token}` } });
    expect(ok.status).toBe(200);
  } finally {
    server.child.kill("SIGTERM");
    await exited(server.child);
  }
});
