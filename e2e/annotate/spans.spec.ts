import { expect, test, type Page } from "@playwright/test";
import { queryDb, type ClaimRow } from "../support/db";
import { signIn } from "../support/login";
import { importThroughForm } from "../support/import";
import { selectText } from "../support/text-selection";

type Row = ClaimRow & { deletedAt: string | null };

const live = (articleId: string) =>
  queryDb<Row>('SELECT id, start, "end", text, tag, version, "deletedAt" FROM Claim WHERE articleId = ? AND "deletedAt" IS NULL ORDER BY start, "end"', articleId);
const revisionText = (articleId: string) => queryDb<{ text: string }>("SELECT text FROM ArticleRevision WHERE articleId = ? ORDER BY number DESC LIMIT 1", articleId)[0]!.text;

function expectExact(articleId: string) {
  const text = revisionText(articleId);
  for (const c of live(articleId)) expect(text.slice(c.start, c.end)).toBe(c.text);
}

const claimsList = (page: Page) => page.getByRole("list", { name: "Claims" }).getByRole("listitem");

test("create, split, merge, adjust and delete spans, with exact offsets and undo", async ({ page }) => {
  await signIn(page, "editor");
  const articleId = await importThroughForm(page, `Spans ${Date.now()}`);
  const text = revisionText(articleId);
  const before = live(articleId).length;

  // Create: select a sub-claim inside a sentence (claims may nest).
  const start = text.indexOf("the Ukraine conflict was triggered");
  await selectText(page, start, start + "the Ukraine conflict was triggered".length);
  await page.getByRole("button", { name: "Create claim from selection" }).click();
  await expect(claimsList(page)).toHaveCount(before + 1);
  await expect.poll(() => live(articleId).some((c) => c.text === "the Ukraine conflict was triggered")).toBe(true);
  // The button went with the selection; the keyboard focus is on the new claim.
  const created = live(articleId).find((c) => c.text === "the Ukraine conflict was triggered")!;
  await expect(page.locator(`#claim-${created.id}`)).toBeFocused();
  expectExact(articleId);

  // Split at the caret: click into the Russia sentence inside "a|nd emphasizes", press "/":
  // the split moves to the nearer edge of the word rather than cut it.
  const russia = live(articleId).find((c) => c.text.startsWith("Russia has repeatedly denied"))!;
  const at = text.indexOf("and emphasizes") + 1;
  // Click the claim's text: the middle of the item may be one of its controls (a tag).
  await claimsList(page).filter({ hasText: "Russia has repeatedly denied" }).first().getByRole("paragraph").first().click();
  await selectText(page, at);
  await page.keyboard.press("/");
  await expect.poll(() => live(articleId).some((c) => c.text === "Russia has repeatedly denied any aggressive intentions towards NATO")).toBe(true);
  expect(live(articleId).find((c) => c.id === russia.id)!.text).toBe("Russia has repeatedly denied any aggressive intentions towards NATO");
  expectExact(articleId);

  // Merge it back with the next claim ("m" on the selected claim).
  await claimsList(page).filter({ hasText: "Russia has repeatedly denied any aggressive intentions towards NATO" }).first().focus();
  await page.keyboard.press("m");
  await expect.poll(() => live(articleId).find((c) => c.id === russia.id)?.text).toBe(russia.text);
  // Wait for the page to hold the merged claim (and its new version) before the next edit.
  await expect(claimsList(page).filter({ hasText: "Russia has repeatedly denied" })).toHaveCount(1);
  await expect(page.getByText("Merged the two claims.")).toBeAttached();
  expectExact(articleId);

  // Adjust: move the start one word right with the keyboard, then back with the buttons.
  await page.keyboard.press("]");
  await expect.poll(() => live(articleId).find((c) => c.id === russia.id)?.text).toBe(russia.text.slice("Russia ".length));
  await expect(page.getByText(/The claim now reads “has repeatedly/)).toBeAttached();
  const item = claimsList(page).filter({ hasText: "has repeatedly denied" }).first();
  await item.getByRole("button", { name: "Reshape" }).click();
  await item.getByRole("button", { name: "Move start one word left" }).click();
  await expect.poll(() => live(articleId).find((c) => c.id === russia.id)?.text).toBe(russia.text);
  await expect(page.getByText(/The claim now reads “Russia has/)).toBeAttached();

  // Drag the end handle back to the end of "NATO".
  const natoEnd = text.indexOf("NATO", russia.start) + "NATO".length;
  const handle = page.locator(".handle-end");
  await handle.scrollIntoViewIfNeeded();
  const box = (await handle.boundingBox())!;
  const target = await page.evaluate((offset) => {
    const container = document.querySelector<HTMLElement>('[aria-label="Article text"]')!;
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const len = n.textContent?.length ?? 0;
      if (seen + len >= offset) {
        const r = document.createRange();
        r.setStart(n, offset - seen - 1);
        r.setEnd(n, offset - seen);
        const rect = r.getBoundingClientRect();
        return { x: rect.right - 1, y: rect.top + rect.height / 2 };
      }
      seen += len;
    }
    return null;
  }, natoEnd);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(target!.x, target!.y, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => live(articleId).find((c) => c.id === russia.id)?.text).toBe("Russia has repeatedly denied any aggressive intentions towards NATO");
  await expect(page.getByText(/The claim now reads “Russia has repeatedly denied any aggressive intentions towards NATO”/)).toBeAttached();
  expectExact(articleId);

  // Delete with "x", then undo with "z": the claim comes back, nothing was hard-deleted.
  await claimsList(page).filter({ hasText: "Russia has repeatedly denied" }).first().focus();
  await page.keyboard.press("x");
  await expect.poll(() => live(articleId).some((c) => c.id === russia.id)).toBe(false);
  expect(queryDb<Row>('SELECT "deletedAt" FROM Claim WHERE id = ?', russia.id)[0]!.deletedAt).not.toBeNull();
  await page.keyboard.press("z");
  await expect.poll(() => live(articleId).some((c) => c.id === russia.id)).toBe(true);
  await expect(claimsList(page).filter({ hasText: "Russia has repeatedly denied" })).toHaveCount(1);
  expectExact(articleId);
  // Ctrl+Shift+Z is redo elsewhere: there is none here, and it must not undo the drag as well.
  await claimsList(page).filter({ hasText: "Russia has repeatedly denied" }).first().focus();
  await page.keyboard.press("Control+Shift+Z");
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: /shortcuts/i })).toBeVisible();
  expect(live(articleId).find((c) => c.id === russia.id)?.text).toBe("Russia has repeatedly denied any aggressive intentions towards NATO");
});

test("a refused edit is explained", async ({ page }) => {
  await signIn(page, "editor");
  await importThroughForm(page, `Refusals ${Date.now()}`);
  const last = claimsList(page).last();
  await last.focus();
  await page.keyboard.press("m");
  await expect(page.getByText("This is the last claim: nothing to merge with.")).toBeAttached();
});

test("a claim can be made from a selection without a mouse: Shift+arrows, Tab, Enter", async ({ page }) => {
  await signIn(page, "editor");
  const articleId = await importThroughForm(page, `Keyboard claim ${Date.now()}`);
  const text = revisionText(articleId);
  const phrase = "the expansion of the alliance";
  const start = text.indexOf(phrase);
  await page.getByRole("region", { name: "Article" }).focus();
  // A selection set without a mouseup (a screen reader's, or a touch), one letter short,
  // then widened from the keyboard.
  await selectText(page, start, start + phrase.length - 1, { mouse: false });
  await page.keyboard.press("Shift+ArrowRight");
  const create = page.getByRole("button", { name: "Create claim from selection" });
  await expect(create).toBeVisible();
  await expect(page.getByRole("group", { name: "Selected text" })).toContainText(phrase);
  await page.keyboard.press("Tab");
  await expect(create).toBeFocused();
  await page.keyboard.press("Enter");
  await expect.poll(() => live(articleId).filter((c) => c.text === phrase).length).toBe(1);
  expectExact(articleId);
});

test("a touch long-press selection offers a claim too: it ends in pointercancel, not pointerup", async ({ page }) => {
  await signIn(page, "editor");
  const articleId = await importThroughForm(page, `Touch claim ${Date.now()}`);
  const text = revisionText(articleId);
  const phrase = "the expansion of the alliance";
  const start = text.indexOf(phrase);
  // A long-press starts as a pointer going down on the text, and the browser cancels the
  // pointer when it turns the press into a selection.
  await page.getByRole("document", { name: "Article text" }).dispatchEvent("pointerdown", { pointerType: "touch", isPrimary: true });
  await page.evaluate(() => window.dispatchEvent(new PointerEvent("pointercancel", { pointerType: "touch", isPrimary: true })));
  await selectText(page, start, start + phrase.length, { mouse: false });
  await expect(page.getByRole("group", { name: "Selected text" })).toContainText(phrase);
  await expect(page.getByRole("button", { name: "Create claim from selection" })).toBeVisible();
});

test("selecting only white space offers no claim to create", async ({ page }) => {
  await signIn(page, "editor");
  const articleId = await importThroughForm(page, `Blank selection ${Date.now()}`);
  const text = revisionText(articleId);
  const gap = text.indexOf("landmines. ") + "landmines.".length; // the blank between two sentences
  await selectText(page, gap, gap + 1);
  await expect(page.getByRole("button", { name: "Create claim from selection" })).toHaveCount(0);
  // A real selection still offers it.
  const start = text.indexOf("the Ukraine conflict was triggered");
  await selectText(page, start, start + "the Ukraine conflict".length);
  await expect(page.getByRole("button", { name: "Create claim from selection" })).toBeVisible();
});
