import { expect, test, type Locator } from "@playwright/test";
import { queryDb, type ClaimRow } from "../support/db";
import { signIn } from "../support/login";
import { importThroughForm } from "../support/import";
import { E2E_PORT } from "../../playwright.config";

// A right-to-left override (U+202E) in user text must not reverse the words Claimtrack
// prints after it. One-line fields drop it; prose such as a verdict's rationale keeps
// it, and each piece of user text is isolated (<bdi>, or unicode-bidi: isolate in
// app/globals.css). Chromium lays the text out, and the test reads where each letter landed.

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
  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, "editor");
  const articleId = await importThroughForm(editor, `Bidi ${Date.now()}`);
  const claim = queryDb<ClaimRow>('SELECT id, start, "end", text, tag, speaker, cue, version FROM Claim WHERE articleId = ? ORDER BY start', articleId)[1]!;
  // One-line fields lose bidirectional controls (lib/schemas/common.ts asOneLine)…
  const cleaned = await editor.request.patch(`/api/v1/claims/${claim.id}`, {
    data: { tag: "attributed", speaker: `Evil${RLO}speaker`, version: claim.version },
    headers: { origin: ORIGIN },
  });
  expect(cleaned.status()).toBe(200);
  expect(await cleaned.json()).toMatchObject({ speaker: "Evilspeaker" });
  // …while a note or a verdict's rationale, free prose, keeps what was typed: its display is isolated.
  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, "reviewer");
  const res = await reviewer.request.patch(`/api/v1/claims/${claim.id}`, {
    data: { verdict: "mixed", verdictRationale: `Partly${RLO} true`, version: claim.version + 1 },
    headers: { origin: ORIGIN },
  });
  expect(res.status(), await res.text()).toBe(200);

  await reviewer.goto(`/articles/${articleId}/report`);
  // "Mixed: Partly…true (Rita Reviewer)": the reviewer's name after the rationale reads left to right.
  const line = reviewer.locator(".report-claim .verdict-line");
  await expect(line).toContainText("Rita Reviewer");
  expect(await readsLeftToRight(line, "Reviewer")).toBe(true);

  // Sanity: without the isolation the same override does reverse what follows it.
  await reviewer.evaluate(() => {
    const style = document.createElement("style");
    style.textContent = "*, bdi { unicode-bidi: normal !important; }";
    document.head.append(style);
  });
  expect(await readsLeftToRight(line, "Reviewer")).toBe(false);
});
