import { expect, test, type Browser } from "@playwright/test";
import { queryDb } from "../support/db";
import { signIn } from "../support/login";
import { importThroughForm } from "../support/import";

async function editorPage(browser: Browser, who: "editor" | "admin") {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, who);
  return { context, page };
}

test("two editors on one article: live updates, presence and a conflict resolved by choice", async ({ browser }) => {
  const a = await editorPage(browser, "editor");
  const b = await editorPage(browser, "admin");
  const articleId = await importThroughForm(a.page, `Live ${Date.now()}`);
  await b.page.goto(`/articles/${articleId}`);

  // Each sees the other.
  await expect(a.page.getByText(/Also here: .*Ada Admin/)).toBeVisible({ timeout: 5_000 });
  await expect(b.page.getByText(/Also here: .*Eddie Editor/)).toBeVisible({ timeout: 5_000 });

  // A tags a claim; B sees it within 2 seconds, without reloading.
  const itemIn = (page: typeof a.page) => page.getByRole("list", { name: "Claims" }).getByRole("listitem").filter({ hasText: "The Ottawa Treaty, signed in 1997" });
  await itemIn(a.page).getByRole("radio", { name: "Disputed" }).check();
  await expect(itemIn(b.page).getByRole("radio", { name: "Disputed" })).toBeChecked({ timeout: 2_000 });

  // Both edit the note; A saves first. B was typing, so B's save meets the version check.
  const noteA = itemIn(a.page).getByRole("textbox", { name: "Note" });
  const noteB = itemIn(b.page).getByRole("textbox", { name: "Note" });
  await noteB.click();
  await noteB.fill("B's note");
  await noteA.fill("A's note");
  await noteA.blur();
  await expect.poll(() => queryDb<{ note: string | null }>("SELECT note FROM Claim WHERE articleId = ? AND text LIKE 'The Ottawa Treaty, signed in 1997%'", articleId)[0]?.note).toBe("A's note");
  await noteB.blur();
  const conflict = itemIn(b.page).getByRole("alert").filter({ hasText: "changed this claim while you were editing" });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText(`note: "A's note"`);
  await expect(conflict).toContainText(`note: "B's note"`);
  // Nothing was overwritten yet.
  expect(queryDb<{ note: string }>("SELECT note FROM Claim WHERE articleId = ? AND text LIKE 'The Ottawa Treaty, signed in 1997%'", articleId)[0]!.note).toBe("A's note");
  await conflict.getByRole("button", { name: "Use mine" }).click();
  await expect.poll(() => queryDb<{ note: string }>("SELECT note FROM Claim WHERE articleId = ? AND text LIKE 'The Ottawa Treaty, signed in 1997%'", articleId)[0]!.note).toBe("B's note");
  // And A sees B's choice arrive.
  await expect(noteA).toHaveValue("B's note", { timeout: 2_000 });

  await a.context.close();
  await b.context.close();
});

test("live updates that arrive out of order never put an older version on screen, and the next save names the newest", async ({ page }) => {
  await signIn(page, "editor");
  const articleId = await importThroughForm(page, `Out of order ${Date.now()}`);
  const origin = new URL(page.url()).origin;
  const [claim] = queryDb<{ id: string; version: number }>("SELECT id, version FROM Claim WHERE articleId = ? ORDER BY start LIMIT 1", articleId);
  const patch = async (tag: string, version: number) => {
    const res = await page.request.patch(`/api/v1/claims/${claim!.id}`, { data: { tag, version }, headers: { origin } });
    expect(res.status(), await res.text()).toBe(200);
    return (await res.json()) as { version: number };
  };
  // Two real changes, as a colleague would make them: Stated, then Disputed.
  const older = await patch("stated", claim!.version);
  const newer = await patch("disputed", older.version);

  // Their live events arrive the wrong way round (as NOTIFYs sent through a pool may),
  // then a revision notice that shows once both have been handled.
  const send = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
  const claimsEvent = (view: unknown) => send("claims", { actorId: "a-colleague", all: false, claims: [view], removedIds: [] });
  await page.route(`**/api/v1/articles/${articleId}/events`, (route) =>
    route.fulfill({
      status: 200,
      headers: { "content-type": "text/event-stream", "cache-control": "no-store" },
      body: "retry: 600000\n\n" + claimsEvent(newer) + claimsEvent(older) + send("revision", { number: 99, actorId: "a-colleague" }),
    }),
  );
  await page.goto(`/articles/${articleId}`);
  await expect(page.getByText("Someone imported revision 99 of this article.")).toBeVisible();
  const item = page.getByRole("list", { name: "Claims" }).getByRole("listitem").first();
  await expect(item.getByRole("radio", { name: "Disputed" })).toBeChecked();

  // The next save names the newest version, so it is accepted (an older one gets a 409).
  await item.getByRole("radio", { name: "Attributed" }).check();
  await expect.poll(() => queryDb<{ tag: string; version: number }>("SELECT tag, version FROM Claim WHERE id = ?", claim!.id)[0]).toEqual({
    tag: "attributed",
    version: newer.version + 1,
  });
  await expect(item.getByRole("alert")).toHaveCount(0);
});
