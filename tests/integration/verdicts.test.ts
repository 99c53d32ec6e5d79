import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importArticle } from "@/lib/data/articles";
import { updateClaim } from "@/lib/data/claims";
import { addSourceToClaim } from "@/lib/data/sources";
import { adjustClaim, mergeClaims, splitClaim } from "@/lib/data/spans";
import { undoLastChange } from "@/lib/data/undo";
import { exportArticle } from "@/lib/data/export";
import { getReviewStatus } from "@/lib/data/review";
import { PATCH as patchRoute } from "@/app/api/v1/claims/[claimId]/route";
import { SAMPLE_TEXT, makeTeam, type Person } from "@/tests/support/people";

let team: { admin: Person; editor: Person; reviewer: Person };
beforeAll(async () => {
  team = await makeTeam();
});

const patch = (p: Person, claimId: string, body: unknown) =>
  patchRoute(
    new Request(`http://localhost/api/v1/claims/${claimId}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${p.token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ claimId }) },
  );

describe("verdicts", () => {
  it("a reviewer sets a verdict and rationale through the API; an editor gets 403", async () => {
    const claim = (await importArticle(team.editor.actor, { title: "Verdicts", text: SAMPLE_TEXT })).claims[1]!;
    const editor = await patch(team.editor, claim.id, { verdict: "false", verdictRationale: "No.", version: 1 });
    expect(editor.status).toBe(403);
    const reviewer = await patch(team.reviewer, claim.id, { verdict: "mostly_false", verdictRationale: "The ministry's own figures differ.", version: 1 });
    expect(reviewer.status).toBe(200);
    expect(await reviewer.json()).toMatchObject({ verdict: "mostly_false", verdictRationale: "The ministry's own figures differ.", verdictBy: team.reviewer.actor.name, version: 2 });
    const bad = await patch(team.reviewer, claim.id, { verdict: "pants_on_fire", version: 2 });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/Unknown verdict "pants_on_fire"/);
    // A reviewer still cannot touch the editorial fields, even together with a verdict.
    expect((await patch(team.reviewer, claim.id, { tag: "stated", verdict: "true", version: 2 })).status).toBe(403);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: claim.id, action: "claim.verdict" } });
    expect(JSON.parse(event.after!)).toEqual({ verdict: "mostly_false", verdictRationale: "The ministry's own figures differ." });
  });

  it("an approved article is read-only for everyone until reopened", async () => {
    const article = await importArticle(team.editor.actor, { title: "Approved", text: SAMPLE_TEXT });
    await db.article.update({ where: { id: article.id }, data: { reviewState: "approved" } });
    const id = article.claims[0]!.id;
    await expect(updateClaim(team.editor.actor, id, { tag: "stated", version: 1 })).rejects.toMatchObject({ code: "forbidden", message: expect.stringMatching(/approved and read-only/) });
    await expect(updateClaim(team.reviewer.actor, id, { verdict: "true", version: 1 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(addSourceToClaim(team.editor.actor, id, { url: "https://example.org/x", relation: "context" })).rejects.toMatchObject({ code: "forbidden" });
    expect((await db.claim.findUniqueOrThrow({ where: { id } })).version).toBe(1);
  });
});

describe("a verdict on words a span edit changed", () => {
  const TEXT = "Crime fell by 10 percent in 2024 in the capital. Police said so. Unemployment fell to 3 percent.";
  const claimReviews = async (articleId: string) =>
    JSON.parse((await exportArticle(team.reviewer.actor, articleId, { format: "claimreview" }, { baseUrl: "https://claims.example.org" })).body) as unknown[];

  it("waits for a re-read after moving or splitting the span, leaves ClaimReview, and undo puts it back", async () => {
    const article = await importArticle(team.editor.actor, { title: "Moved under a verdict", text: TEXT });
    const [crime] = article.claims;
    await updateClaim(team.reviewer.actor, crime!.id, { verdict: "mostly_true", verdictRationale: "Down 9.6%", version: 1 });
    expect(await claimReviews(article.id)).toHaveLength(1);

    const moved = await adjustClaim(team.editor.actor, crime!.id, { start: 0, end: TEXT.indexOf(" Unemployment"), version: 2 });
    expect(moved).toMatchObject({ verdict: "mostly_true", anchorStatus: "changed", previousText: "Crime fell by 10 percent in 2024 in the capital." });
    expect(await claimReviews(article.id)).toEqual([]);
    expect((await getReviewStatus(team.reviewer.actor, article.id)).blockers).toContain(
      "1 claim was changed (by a revision, or a span edit under a verdict) and not re-read",
    );
    // Moved again, it still shows the words that were judged; moved back onto them, it needs no re-read.
    const again = await adjustClaim(team.editor.actor, crime!.id, { start: 0, end: TEXT.indexOf(" in 2024"), version: moved.version });
    expect(again).toMatchObject({ anchorStatus: "changed", previousText: "Crime fell by 10 percent in 2024 in the capital." });
    const back = await adjustClaim(team.editor.actor, crime!.id, { start: 0, end: TEXT.indexOf(" Police"), version: again.version });
    expect(back).toMatchObject({ anchorStatus: "anchored", previousText: null });
    expect(await claimReviews(article.id)).toHaveLength(1);

    // Undo goes back through each state.
    await undoLastChange(team.editor.actor, article.id);
    expect(await db.claim.findUniqueOrThrow({ where: { id: crime!.id } })).toMatchObject({ anchorStatus: "changed", previousText: "Crime fell by 10 percent in 2024 in the capital." });
    await undoLastChange(team.editor.actor, article.id);
    await undoLastChange(team.editor.actor, article.id);
    const undone = await db.claim.findUniqueOrThrow({ where: { id: crime!.id } });
    expect(undone).toMatchObject({ end: TEXT.indexOf(" Police"), anchorStatus: "anchored", previousText: null });

    const [left] = await splitClaim(team.editor.actor, crime!.id, { at: TEXT.indexOf(" in 2024"), version: undone.version });
    expect(left).toMatchObject({ text: "Crime fell by 10 percent", verdict: "mostly_true", anchorStatus: "changed", previousText: "Crime fell by 10 percent in 2024 in the capital." });
    expect(await claimReviews(article.id)).toEqual([]);
    // Re-read, it is published again.
    await updateClaim(team.editor.actor, crime!.id, { acknowledgeChange: true, version: left!.version });
    expect(await claimReviews(article.id)).toHaveLength(1);
  });

  it("waits for a re-read after a merge, whichever claim had the verdict", async () => {
    const article = await importArticle(team.editor.actor, { title: "Merged under a verdict", text: TEXT });
    const [, police, jobs] = article.claims;
    await updateClaim(team.reviewer.actor, jobs!.id, { verdict: "true", version: 1 });
    const merged = await mergeClaims(team.editor.actor, { claimIds: [police!.id, jobs!.id], versions: [1, 2] });
    expect(merged).toMatchObject({ id: police!.id, verdict: "true", anchorStatus: "changed", previousText: "Unemployment fell to 3 percent." });
    expect(await claimReviews(article.id)).toEqual([]);
    await undoLastChange(team.editor.actor, article.id);
    expect(await db.claim.findUniqueOrThrow({ where: { id: police!.id } })).toMatchObject({ verdict: null, anchorStatus: "anchored", previousText: null });
    expect(await claimReviews(article.id)).toHaveLength(1);
    // A span edit of a claim without a verdict changes nothing of the kind.
    const plain = await adjustClaim(team.editor.actor, police!.id, { start: TEXT.indexOf("Police"), end: TEXT.indexOf(" so."), version: 3 });
    expect(plain).toMatchObject({ anchorStatus: "anchored", previousText: null });
  });
});
