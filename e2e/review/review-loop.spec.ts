import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { queryDb } from "../support/db";
import { signIn } from "../support/login";
import { importThroughForm } from "../support/import";
import { holdScripts } from "../support/hold-scripts";

// The review loop of issue 6, an editor and a reviewer each in their own browser context:
// submit → comments, a verdict and changes requested → reply, resolve, resubmit → approved,
// read-only. The database is checked after each step.

async function person(browser: Browser, who: "editor" | "reviewer") {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, who);
  return page;
}

const reviewBar = (page: Page) => page.getByRole("region", { name: "Review" });
const claimItem = (page: Page, startsWith: string) =>
  page.getByRole("list", { name: "Claims" }).getByRole("listitem").filter({ hasText: startsWith });
const TREATY = "The Ottawa Treaty, signed in 1997";
/**
 * Opens a claim's comments and waits for the comment box. Under CI load a click soon after
 * the page loads was seen to leave the disclosure closed again (cause not pinned down; the
 * test below covers a click before hydration): click again if so.
 */
async function openComments(item: Locator) {
  const box = item.getByRole("textbox", { name: "Comment on this claim" });
  await expect(async () => {
    if (!(await box.isVisible())) await item.getByText(/^Comments/).click();
    await expect(box).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

// A posted comment under a claim, not the comment box, which holds the text until saved.
const postedComment = (item: Locator, text: string) => item.getByRole("paragraph").filter({ hasText: text });

type ArticleRow = { reviewState: string; submittedAt: string | null; reviewedAt: string | null; reviewedById: string | null };
const articleRow = (id: string) =>
  queryDb<ArticleRow>("SELECT reviewState, submittedAt, reviewedAt, reviewedById FROM Article WHERE id = ?", id)[0]!;
const transitions = (id: string) =>
  queryDb<{ action: string; name: string }>(
    "SELECT e.action, u.name FROM AuditEvent e JOIN User u ON u.id = e.actorId WHERE e.articleId = ? AND e.action LIKE 'article.%' AND e.action <> 'article.import' ORDER BY e.at, e.rowid",
    id,
  ).map((e) => `${e.action} by ${e.name}`);

test("editor → reviewer → changes requested → approved, in two browser contexts", async ({ browser }) => {
  test.setTimeout(120_000);
  const editor = await person(browser, "editor");
  const reviewer = await person(browser, "reviewer");
  const title = `Review loop ${Date.now()}`;
  const articleId = await importThroughForm(editor, title);

  // The editor submits the draft.
  await expect(reviewBar(editor).getByText("Draft", { exact: true })).toBeVisible();
  await reviewBar(editor).getByRole("button", { name: "Submit for review" }).click();
  await expect(reviewBar(editor).getByText("In review", { exact: true })).toBeVisible();
  // The button is gone; the keyboard focus moves to the new state, not to the page.
  await expect(reviewBar(editor).getByText("In review", { exact: true })).toBeFocused();
  expect(articleRow(articleId)).toMatchObject({ reviewState: "in_review", submittedAt: expect.any(String) });

  // The reviewer finds it on /review and opens it.
  await reviewer.goto("/review");
  await expect(reviewer.getByRole("heading", { name: "Waiting for review" })).toBeVisible();
  await reviewer.getByRole("link", { name: title, exact: true }).click();
  // Nothing is tagged yet, so approval waits, and the bar says why.
  await expect(reviewBar(reviewer).getByRole("button", { name: "Request changes" })).toBeVisible();
  await expect(reviewBar(reviewer).getByText("Not ready for approval:")).toBeVisible();
  await expect(reviewBar(reviewer).getByRole("listitem")).toHaveText([/^\d+ claims are not tagged\.$/]);
  await expect(reviewBar(reviewer).getByRole("button", { name: "Approve" })).toHaveCount(0);

  // The reviewer comments on a claim and sets its verdict.
  const treaty = claimItem(reviewer, TREATY);
  await openComments(treaty);
  await treaty
    .getByRole("textbox", { name: "Comment on this claim" })
    .fill("Which source gives 1997? Please link the treaty text.");
  await treaty.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(postedComment(treaty, "Which source gives 1997?")).toBeVisible();
  await expect(treaty.getByRole("textbox", { name: "Comment on this claim" })).toHaveValue("");
  await expect(treaty.getByRole("button", { name: "Comment", exact: true })).toBeFocused();
  const [comment] = queryDb<{ id: string; claimId: string; body: string }>(
    "SELECT c.id, c.claimId, c.body FROM Comment c WHERE c.articleId = ? AND c.claimId IS NOT NULL",
    articleId,
  );
  expect(comment?.body).toBe("Which source gives 1997? Please link the treaty text.");

  await treaty.getByRole("combobox", { name: "Verdict" }).selectOption("Mostly true");
  await treaty.getByRole("textbox", { name: "Rationale" }).fill("Signed in December 1997; in force since 1999.");
  await treaty.getByRole("button", { name: "Save verdict" }).click();
  await expect(treaty.getByText("Verdict saved")).toBeVisible();
  await expect(treaty.getByText(/^Given by Rita Reviewer, \d+ \w+ \d{4}/)).toBeVisible();
  expect(
    queryDb<{ verdict: string; verdictRationale: string }>(
      "SELECT verdict, verdictRationale FROM Claim WHERE id = ?",
      comment!.claimId,
    )[0],
  ).toEqual({
    verdict: "mostly_true",
    verdictRationale: "Signed in December 1997; in force since 1999.",
  });

  // The reviewer requests changes, with the reason.
  await reviewBar(reviewer).getByRole("button", { name: "Request changes" }).click();
  await expect(reviewBar(reviewer).getByRole("textbox", { name: "What needs to change" })).toBeFocused();
  await reviewBar(reviewer).getByRole("button", { name: "Cancel" }).click();
  await expect(reviewBar(reviewer).getByRole("button", { name: "Request changes" })).toBeFocused();
  await reviewBar(reviewer).getByRole("button", { name: "Request changes" }).click();
  await reviewBar(reviewer)
    .getByRole("textbox", { name: "What needs to change" })
    .fill("Source the treaty claim before approval.");
  await reviewBar(reviewer).getByRole("button", { name: "Send back with changes requested" }).click();
  await expect(reviewBar(reviewer).getByText("Changes requested", { exact: true })).toBeVisible();
  expect(articleRow(articleId)).toMatchObject({ reviewState: "changes_requested", reviewedAt: expect.any(String) });

  // The editor sees the state, the reason and the open comment; replies and resolves it.
  await editor.reload();
  await expect(reviewBar(editor).getByText("Changes requested", { exact: true })).toBeVisible();
  await expect(reviewBar(editor).getByText("Source the treaty claim before approval.")).toBeVisible();
  const treatyForEditor = claimItem(editor, TREATY);
  await expect(treatyForEditor.getByText("Comments (1 open)")).toBeVisible();
  await expect(treatyForEditor.getByText("Mostly true")).toBeVisible();
  await expect(treatyForEditor.getByText(/\(Rita Reviewer, \d+ \w+ \d{4}/)).toBeVisible();
  await treatyForEditor.getByText("Comments (1 open)").click();
  await treatyForEditor.getByRole("textbox", { name: /^Reply to / }).fill("Linked the UN treaty collection.");
  await treatyForEditor.getByRole("button", { name: "Reply" }).click();
  await expect(postedComment(treatyForEditor, "Linked the UN treaty collection.")).toBeVisible();
  await treatyForEditor.getByRole("button", { name: "Resolve thread" }).click();
  await expect(treatyForEditor.getByText(/^Resolved by /)).toBeVisible();
  expect(queryDb<{ n: number }>("SELECT count(*) AS n FROM Comment WHERE parentId = ?", comment!.id)[0]!.n).toBe(1);
  expect(
    queryDb<{ resolvedAt: string | null }>("SELECT resolvedAt FROM Comment WHERE id = ?", comment!.id)[0]!.resolvedAt,
  ).not.toBeNull();

  // The editor tags every claim (accepting every suggestion, then Stated for any left),
  // and the bar's list of what approval waits for empties as they go.
  await expect(reviewBar(editor).getByText(/^\d+ claims are not tagged\.$/)).toBeVisible();
  await editor.getByRole("spinbutton", { name: "Minimum confidence (%)" }).fill("0");
  await editor.getByRole("button", { name: "Accept all suggestions above 0%" }).click();
  await expect(editor.locator(".accept-all").getByRole("status")).toHaveText(/^Accepted \d+ suggestions?\.$/);
  const claims = editor.getByRole("list", { name: "Claims" }).getByRole("listitem");
  for (const item of await claims.all()) {
    const stated = item.getByRole("radio", { name: "Stated" });
    if ((await stated.count()) > 0 && !(await item.getByRole("radio", { checked: true }).count())) await stated.check();
  }
  await expect(reviewBar(editor).getByText("Not ready for approval:")).toHaveCount(0);
  expect(queryDb<{ n: number }>("SELECT count(*) AS n FROM Claim WHERE articleId = ? AND tag IS NULL AND deletedAt IS NULL", articleId)[0]!.n).toBe(0);

  // The editor resubmits; the reviewer approves from the claim report, where the review bar is too.
  await reviewBar(editor).getByRole("button", { name: "Submit for review" }).click();
  await expect(reviewBar(editor).getByText("In review", { exact: true })).toBeVisible();
  await reviewer.goto(`/articles/${articleId}/report`);
  await expect(reviewer.getByRole("heading", { name: "Claim report" })).toBeVisible();
  // What was asked last time is in front of the reviewer, to check it was done.
  await expect(reviewBar(reviewer).getByText(/^Sent back before by Rita Reviewer, /)).toBeVisible();
  await expect(reviewBar(reviewer).locator(".review-reason")).toHaveText("Source the treaty claim before approval.");
  await reviewBar(reviewer).getByRole("button", { name: "Approve" }).click();
  await expect(reviewBar(reviewer).getByText("Approved", { exact: true })).toBeVisible();
  const approved = articleRow(articleId);
  expect(approved.reviewState).toBe("approved");
  expect(approved.reviewedById).toBe(queryDb<{ id: string }>("SELECT id FROM User WHERE email = 'reviewer@example.com'")[0]!.id);

  // The editor's open page hears of it live, in words that replace "Submitted for review".
  await expect(reviewBar(editor).getByText("Approved", { exact: true })).toBeVisible();
  await expect(reviewBar(editor).locator("[aria-live=polite]")).toHaveText("Approved by Rita Reviewer. The article is now: Approved.");
  // Approved: read-only for the editor until a reviewer reopens it, and said so (not "reading as a reviewer").
  await editor.reload();
  await expect(reviewBar(editor).getByText("Approved articles are read-only until a reviewer reopens them.")).toBeVisible();
  await expect(editor.getByText("This article is approved and read-only until a reviewer reopens it.")).toBeVisible();
  await expect(editor.getByText(/reading as a reviewer/)).toHaveCount(0);
  await expect(claimItem(editor, TREATY).getByRole("radio", { name: "Stated" })).toBeDisabled();
  await expect(reviewBar(editor).getByRole("button", { name: "Submit for review" })).toHaveCount(0);
  // Verdicts too: the reviewer reads the verdict as text, without a form that would be refused.
  await reviewer.goto(`/articles/${articleId}`);
  await expect(claimItem(reviewer, TREATY).getByText(/^Verdict: Mostly true/)).toBeVisible();
  await expect(claimItem(reviewer, TREATY).getByRole("combobox", { name: "Verdict" })).toHaveCount(0);

  expect(transitions(articleId)).toEqual([
    "article.submit by Eddie Editor",
    "article.request-changes by Rita Reviewer",
    "article.submit by Eddie Editor",
    "article.approve by Rita Reviewer",
  ]);
});

test("a colleague's comment appears live in threads already open, and in the count", async ({ browser }) => {
  const editor = await person(browser, "editor");
  const reviewer = await person(browser, "reviewer");
  const articleId = await importThroughForm(editor, `Live comments ${Date.now()}`);
  const treatyForEditor = claimItem(editor, TREATY);
  await openComments(treatyForEditor);
  await expect(treatyForEditor.getByRole("textbox", { name: "Comment on this claim" })).toBeVisible();

  await reviewer.goto(`/articles/${articleId}`);
  const treaty = claimItem(reviewer, TREATY);
  await openComments(treaty);
  await treaty.getByRole("textbox", { name: "Comment on this claim" }).fill("Is 1997 the signing or the entry into force?");
  await treaty.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(postedComment(treaty, "Is 1997 the signing")).toBeVisible();

  // No reload on the editor's side: the event stream brings it.
  await expect(postedComment(treatyForEditor, "Is 1997 the signing or the entry into force?")).toBeVisible({ timeout: 5_000 });
  await expect(treatyForEditor.getByText("Comments (1 open)")).toBeVisible();
});

test("the review queue has no serious or critical accessibility violations", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.goto("/review");
  await expect(page.getByRole("heading", { name: "Waiting for review" })).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test("editors are kept out of the review queue", async ({ page }) => {
  await signIn(page, "editor");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Review" })).toHaveCount(0);
  await page.goto("/review");
  await expect(page).toHaveURL(/\/forbidden$/);
});

test("comments opened before the page is interactive still load once it is", async ({ browser }) => {
  const editor = await person(browser, "editor");
  const articleId = await importThroughForm(editor, `Early click ${Date.now()}`);
  const release = await holdScripts(editor);
  await editor.goto(`/articles/${articleId}`, { waitUntil: "commit" });
  const treaty = claimItem(editor, TREATY);
  await treaty.getByText("Comments", { exact: true }).click();
  release();
  await expect(treaty.getByRole("textbox", { name: "Comment on this claim" })).toBeVisible();
  await expect(treaty.getByText("No comments yet.")).toBeVisible();
});
