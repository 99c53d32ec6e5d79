import { expect, test, type Locator } from "@playwright/test";
import { queryDb, type ClaimRow } from "../support/db";
import { signIn } from "../support/login";
import { importThroughForm } from "../support/import";
import { E2E_PORT } from "../../playwright.config";

// A right-to-left override (U+202E) typed into a speaker, cue, rationale or title must not
// reverse the words Claimtrack prints after it: each piece of user text is isolated
// (<bdi>, or unicode-bidi: isolate in app/globals.css). Chromium lays the text out, and
// the test reads where each letter landed.

const ORIGIN = `http://127.0.0.1:${E2E_PORT}`;
const RLO = "\u202E";

/**
 * Whether `word`, found in a text node under `scope`, reads left to right on screen: its
 * first letter is left of its last. A right-to-left override spilling into it puts the
 * first letter on the right.
 */
function readsLeftToRight(scope: Locator, word: string): Promise<boolean> {
  return scope.evaluate((root, w) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const i = node.data.indexOf(w);
      if (i < 0) continue;
      const left = (k: number) => {
        const range = document.createRange();
        range.setStart(node, k);
        range.setEnd(node, k + 1);
        return range.getBoundingClientRect().left;
      };
      return left(i) < left(i + w.length - 1);
    }
    throw new Error(`"${w}" is not on the page`);
  }, word);
}

test("a right-to-left override in user text cannot reverse the words after it", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, "editor");
  const articleId = await importThroughForm(page, `Bidi ${RLO}override ${Date.now()}`);
  const claim = queryDb<ClaimRow>('SELECT id, start, "end", text, tag, speaker, cue, version FROM Claim WHERE articleId = ? ORDER BY start', articleId)[1]!;
  const res = await page.request.patch(`/api/v1/claims/${claim.id}`, {
    data: { tag: "attributed", speaker: `Evil${RLO}speaker`, cue: `said${RLO}it`, note: `A note${RLO}here`, version: claim.version },
    headers: { origin: ORIGIN },
  });
  expect(res.status(), await res.text()).toBe(200);

  await page.goto(`/articles/${articleId}/report`);
  // Who said what: the speaker heading, then "(1 claim)".
  const group = page.getByRole("region", { name: /^Evil/ });
  await expect(group.getByText("(1 claim)")).toBeVisible();
  expect(await readsLeftToRight(group.getByRole("heading"), "claim")).toBe(true);
  // The claim: "Speaker: Evil…speaker · cue “said…it”" and the text that follows each.
  const line = page.locator(".report-claim p.small", { hasText: "Speaker:" });
  expect(await readsLeftToRight(line, "cue")).toBe(true);

  // Sanity: without the isolation the same override does reverse what follows it.
  await page.evaluate(() => {
    const style = document.createElement("style");
    style.textContent = "*, bdi { unicode-bidi: normal !important; }";
    document.head.append(style);
  });
  expect(await readsLeftToRight(line, "cue")).toBe(false);
});
