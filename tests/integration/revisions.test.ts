import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getArticle, getArticleReport, importArticle, listArticles } from "@/lib/data/articles";
import { deleteClaim, restoreClaim } from "@/lib/data/spans";
import { undoLastChange } from "@/lib/data/undo";
import { listReviewQueue, transitionArticle } from "@/lib/data/review";
import { updateClaim } from "@/lib/data/claims";
import { getRevisionDiff, importRevision, listRevisions } from "@/lib/data/revisions";
import { POST as revisionsRoute } from "@/app/api/v1/articles/[articleId]/revisions/route";
import { makeTeam, type Person } from "@/tests/support/people";

const SAMPLE = fs.readFileSync(path.join(import.meta.dirname, "..", "..", "prisma", "demo", "ottawa-treaty-withdrawal.txt"), "utf8");

let team: { admin: Person; editor: Person; reviewer: Person };
beforeAll(async () => {
  team = await makeTeam();
});

/** A corrected version of the sample: a typo fixed, one sentence reworded, one deleted, one added. */
function corrected(text: string) {
  return text
    .replace("signed in 1997", "signed in Ottawa in 1997")
    .replace("Ukraine, a technical signatory to the convention, has effectively ceased its participation since 2014. ", "")
    .replace("The treaty was the result of a long international campaign to ban these weapons.", "The treaty followed a long international campaign against these weapons.")
    .concat("\nCorrection: an earlier version misstated the year of Finland's NATO membership.");
}

describe("article revisions", () => {
  it("re-anchors every claim: anchored, changed (with the old text) or orphaned, plus new sentences", async () => {
    const article = await importArticle(team.editor.actor, { title: "Revised", text: SAMPLE });
    const tagged = article.claims.find((c) => c.text.startsWith("Finland, which also borders Russia"))!;
    await updateClaim(team.editor.actor, tagged.id, { tag: "stated", note: "keep me", version: 1 });
    const result = await importRevision(team.editor.actor, article.id, { text: corrected(SAMPLE) });
    expect(result.revision.number).toBe(2);
    const byText = (t: string) => result.claims.find((c) => (c.previousText ?? c.text).startsWith(t))!;
    expect(byText("The Ottawa Treaty, signed in").status).toBe("changed");
    expect(byText("The Ottawa Treaty, signed in").previousText).toContain("signed in 1997");
    expect(byText("Ukraine, a technical signatory").status).toBe("orphaned");
    expect(byText("Correction: an earlier version").status).toBe("new");
    expect(result.counts.anchored).toBe(article.claims.length - 3);

    const after = await getArticle(team.editor.actor, article.id);
    expect(after.revision.number).toBe(2);
    for (const c of after.claims) expect(after.revision.text.slice(c.start, c.end)).toBe(c.text);
    // The tagged claim kept its tag and note and moved with the text.
    expect(after.claims.find((c) => c.id === tagged.id)).toMatchObject({ tag: "stated", note: "keep me", anchorStatus: "anchored", text: tagged.text });
    // The orphaned claim is kept (on its old revision) and never dropped.
    const orphan = await db.claim.findFirstOrThrow({ where: { articleId: article.id, text: { startsWith: "Ukraine, a technical signatory" } } });
    expect([orphan.anchorStatus, orphan.deletedAt]).toEqual(["orphaned", null]);
    // The article lists it apart: not among the current claims, which stay in text order.
    expect(after.orphaned.map((c) => c.id)).toContain(orphan.id);
    expect(after.orphaned.every((c) => c.anchorStatus === "orphaned")).toBe(true);
    expect(after.claims.some((c) => c.anchorStatus === "orphaned")).toBe(false);
    expect(after.claims.map((c) => c.start)).toEqual(after.claims.map((c) => c.start).sort((a, b) => a - b));
    // The article list and the review queue count what the annotate page shows, not the orphans.
    const listed = (await listArticles(team.editor.actor, { q: "Revised" })).items.find((a) => a.id === article.id)!;
    expect(listed.total).toBe(after.claims.length);
    expect(listed.tagged).toBe(after.claims.filter((c) => c.tag !== null).length);
    await transitionArticle(team.editor.actor, article.id, { action: "submit" });
    expect((await listReviewQueue(team.reviewer.actor)).find((a) => a.id === article.id)?.claims).toBe(after.claims.length);

    const diff = await getRevisionDiff(team.reviewer.actor, article.id, 1);
    const touched = diff.hunks.flatMap((h) => h.claims.map((c) => c.status));
    expect(touched).toEqual(expect.arrayContaining(["changed", "orphaned"]));
    expect((await listRevisions(team.reviewer.actor, article.id)).map((r) => r.number)).toEqual([2, 1]);
    // The latest revision has nothing after it; a revision that does not exist is not found.
    await expect(getRevisionDiff(team.reviewer.actor, article.id, 2)).rejects.toMatchObject({
      code: "not_found",
      message: "Revision 2 is the article's latest: there is no later revision to compare it with",
    });
    await expect(getRevisionDiff(team.reviewer.actor, article.id, 9)).rejects.toMatchObject({ code: "not_found", message: "Revision 9 not found" });

    // Marking the changed claim as re-read records what it was: changed, with its old text.
    const changed = after.claims.find((c) => c.anchorStatus === "changed")!;
    await updateClaim(team.editor.actor, changed.id, { acknowledgeChange: true, version: changed.version });
    const [event] = await db.auditEvent.findMany({ where: { entityId: changed.id }, orderBy: [{ at: "desc" }, { id: "desc" }], take: 1 });
    expect(JSON.parse(event!.before!)).toEqual({ anchorStatus: "changed", previousText: changed.previousText });
    expect(JSON.parse(event!.after!)).toEqual({ anchorStatus: "anchored", previousText: null });
  });

  it("lists orphaned claims after the current ones, the latest orphaned first", async () => {
    const article = await importArticle(team.editor.actor, { title: "Twice revised", text: SAMPLE });
    const first = "Ukraine, a technical signatory to the convention, has effectively ceased its participation since 2014. ";
    const second = "The treaty was the result of a long international campaign to ban these weapons. ";
    const once = SAMPLE.replace(first, "");
    await importRevision(team.editor.actor, article.id, { text: once });
    await importRevision(team.editor.actor, article.id, { text: once.replace(second, "") });
    const after = await getArticle(team.editor.actor, article.id);
    expect(after.orphaned.map((c) => c.text)).toEqual([second.trim(), first.trim()]);
    expect(after.claims).toHaveLength(article.claims.length - 2);
    for (const c of after.claims) expect(after.revision.text.slice(c.start, c.end)).toBe(c.text);
  });

  it("answers the API with the new revision and each claim's offsets and status; refuses identical text and reviewers", async () => {
    const article = await importArticle(team.editor.actor, { title: "Revised by API", text: SAMPLE });
    const call = (p: Person, text: string) =>
      revisionsRoute(
        new Request(`http://localhost/api/v1/articles/${article.id}/revisions`, {
          method: "POST",
          headers: { authorization: `Bearer ${p.token}`, "content-type": "application/json" },
          body: JSON.stringify({ text }),
        }),
        { params: Promise.resolve({ articleId: article.id }) },
      );
    expect((await call(team.reviewer, corrected(SAMPLE))).status).toBe(403);
    const same = await call(team.editor, SAMPLE);
    expect(same.status).toBe(422);
    expect(await same.json()).toMatchObject({ error: { message: expect.stringMatching(/identical/) } });
    const res = await call(team.editor, corrected(SAMPLE));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { revision: { number: number }; claims: { id: string; start: number | null; end: number | null; status: string }[] };
    expect(body.revision.number).toBe(2);
    expect(body.claims.every((c) => ["anchored", "changed", "orphaned", "new"].includes(c.status))).toBe(true);
    const text = corrected(SAMPLE);
    for (const c of body.claims.filter((x) => x.start !== null)) expect(text.slice(c.start!, c.end!).length).toBeGreaterThan(0);
  });
});

describe("restoring a claim deleted before a correction", () => {
  it("brings it back re-anchored on the current text, or orphaned, and every figure agrees", async () => {
    const article = await importArticle(team.editor.actor, { title: `Restore across revisions ${Date.now()}`, text: "Red apples grow. Blue skies shine. Green grass waves." });
    const [, blue, green] = article.claims;
    await updateClaim(team.editor.actor, blue!.id, { tag: "stated", note: "important note", version: 1 });
    await deleteClaim(team.editor.actor, blue!.id, { version: 2 });
    await updateClaim(team.editor.actor, green!.id, { tag: "stated", version: 1 });
    await deleteClaim(team.editor.actor, green!.id, { version: 2 });
    await importRevision(team.editor.actor, article.id, { text: "Red apples grow. Blue skies shone. Purple rain falls." });
    const current = await db.articleRevision.findFirstOrThrow({ where: { articleId: article.id, number: 2 } });

    // The correction claimed the reworded sentence afresh; restoring the old claim on it
    // would make two, so that one must go first.
    const fresh = await db.claim.findFirstOrThrow({ where: { articleId: article.id, revisionId: current.id, text: "Blue skies shone.", deletedAt: null } });
    await expect(restoreClaim(team.editor.actor, blue!.id)).rejects.toMatchObject({ code: "conflict", details: { claimId: fresh.id } });
    await deleteClaim(team.editor.actor, fresh.id, { version: fresh.version });
    const restored = await restoreClaim(team.editor.actor, blue!.id);
    const text = "Blue skies shone.";
    const start = current.text.indexOf(text);
    expect(restored).toMatchObject({ start, end: start + text.length, text, tag: "stated", note: "important note", anchorStatus: "changed", previousText: "Blue skies shine." });
    expect(await db.claim.findUniqueOrThrow({ where: { id: blue!.id } })).toMatchObject({ revisionId: current.id });
    // A sentence the correction removed comes back orphaned, listed as such, never on stale offsets.
    expect(await restoreClaim(team.editor.actor, green!.id)).toMatchObject({ anchorStatus: "orphaned" });

    const view = await getArticle(team.editor.actor, article.id);
    expect(view.claims.find((c) => c.id === blue!.id)).toMatchObject({ anchorStatus: "changed" });
    expect(view.orphaned.map((c) => c.id)).toEqual([green!.id]);
    const report = await getArticleReport(team.reviewer.actor, article.id);
    const listed = (await listArticles(team.reviewer.actor, { q: "Restore across revisions" })).items.find((a) => a.id === article.id)!;
    expect(listed.counts).toEqual(report.counts);
    expect(report.counts.stated).toBe(1);
  });
});

describe("undo after a revision", () => {
  it("stops at the revision: neither its new claims nor earlier changes are undone, later ones are", async () => {
    const article = await importArticle(team.editor.actor, { title: `Undo across revisions ${Date.now()}`, text: "Alpha said the dam is safe. Beta denied the report. Gamma was built in 1990." });
    const gamma = article.claims[2]!;
    await updateClaim(team.editor.actor, gamma.id, { note: "check the year", version: 1 });
    await importRevision(team.editor.actor, article.id, { text: "Alpha said the dam is safe. Beta denied the report. A brand new sentence appears." });
    const before = await db.claim.findMany({ where: { articleId: article.id }, orderBy: { id: "asc" } });

    await expect(undoLastChange(team.editor.actor, article.id)).rejects.toMatchObject({
      code: "not_found",
      message: expect.stringMatching(/^A revision was imported since your last change/),
    });
    expect(await db.claim.findMany({ where: { articleId: article.id }, orderBy: { id: "asc" } })).toEqual(before);

    const alpha = (await getArticle(team.editor.actor, article.id)).claims[0]!;
    await updateClaim(team.editor.actor, alpha.id, { tag: "attributed", version: alpha.version });
    expect(await undoLastChange(team.editor.actor, article.id)).toMatchObject({ claimIds: [alpha.id] });
    expect(await db.claim.findUniqueOrThrow({ where: { id: alpha.id } })).toMatchObject({ tag: null });
    await expect(undoLastChange(team.editor.actor, article.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
