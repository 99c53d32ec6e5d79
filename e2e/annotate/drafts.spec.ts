import { expect, test, type Page } from "@playwright/test";
import { queryDb } from "../support/db";
import { signIn } from "../support/login";
import { importThroughForm } from "../support/import";

// A note, speaker or cue being typed saves when its field loses focus. Leaving the page
// takes no focus away first, so these check that a typed draft is not lost on the way out.

const FIRST = "The Ottawa Treaty, signed in 1997";
const noteOf = (page: Page) =>
  page.getByRole("list", { name: "Claims" }).getByRole("listitem").filter({ hasText: FIRST }).getByRole("textbox", { name: "Note" });
const savedNote = (articleId: string) =>
  queryDb<{ note: string | null }>("SELECT note FROM Claim WHERE articleId = ? AND text LIKE ? AND deletedAt IS NULL", articleId, `${FIRST}%`)[0]?.note;

test("a note being typed is saved when Back leaves the page", async ({ page }) => {
  await signIn(page, "editor");
  const title = `Drafts back ${Date.now()}`;
  const articleId = await importThroughForm(page, title);
  // Into the article from the list, as a reader does, so Back stays inside the app.
  await page.goto("/articles");
  await page.getByRole("link", { name: title }).click();
  await expect(page.locator("fieldset.workspace[data-hydrated]")).toBeVisible();
  await noteOf(page).click();
  await noteOf(page).fill("Typed, then Back");
  await page.goBack();
  await expect(page).toHaveURL(/\/articles$/);
  await expect.poll(() => savedNote(articleId)).toBe("Typed, then Back");
});

test("closing or reloading the page asks first while a typed note is unsaved", async ({ page }) => {
  await signIn(page, "editor");
  const articleId = await importThroughForm(page, `Drafts reload ${Date.now()}`);
  await expect(page.locator("fieldset.workspace[data-hydrated]")).toBeVisible();
  await noteOf(page).click();
  await noteOf(page).fill("Typed, then closed");
  const dialog = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  expect((await dialog).type()).toBe("beforeunload");
  await (await dialog).dismiss();
  expect(page.isClosed()).toBe(false);
  expect(savedNote(articleId)).toBeNull();
  // Typed back to what is saved, nothing is left to ask about. (Should the listener
  // still be there a moment longer, leave anyway: a dismissed prompt would keep the page
  // open past the test's end.)
  await noteOf(page).fill("");
  await expect(noteOf(page)).not.toHaveAttribute("data-unsaved");
  page.on("dialog", (d) => void d.accept());
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
});

test("a note being typed on a claim a colleague deletes is not dropped without a word", async ({ page, browser }) => {
  await signIn(page, "editor");
  const articleId = await importThroughForm(page, `Drafts deleted ${Date.now()}`);
  await expect(page.locator("fieldset.workspace[data-hydrated]")).toBeVisible();
  await noteOf(page).click();
  await noteOf(page).fill("Typed while it went");

  const colleague = await (await browser.newContext()).newPage();
  await signIn(colleague, "admin");
  const [claim] = queryDb<{ id: string; version: number }>("SELECT id, version FROM Claim WHERE articleId = ? AND text LIKE ?", articleId, `${FIRST}%`);
  const deleted = await colleague.request.delete(`/api/v1/claims/${claim!.id}?version=${claim!.version}`, { headers: { origin: new URL(page.url()).origin } });
  expect(deleted.status(), await deleted.text()).toBe(204);

  // The claim leaves the editor's page live; what they typed is said, not lost in silence.
  await expect(noteOf(page)).toHaveCount(0);
  await expect(page.getByText("Not saved: the claim was deleted by a colleague while you were editing it. You had typed note: “Typed while it went”.")).toBeAttached();
  await colleague.context().close();
});
