import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getArticle, importArticle } from "@/lib/data/articles";
import { updateClaim } from "@/lib/data/claims";
import { addSourceToClaim, removeSourceFromClaim } from "@/lib/data/sources";
import { mergeSources } from "@/lib/data/source-edit";
import { adjustClaim, createClaim, deleteClaim, listDeletedClaims, mergeClaims, restoreClaim, splitClaim } from "@/lib/data/spans";
import { undoLastChange } from "@/lib/data/undo";
import { getArticleActivity, getClaimHistory } from "@/lib/data/history";
import { addComment } from "@/lib/data/comments";
import { makeTeam, type Person } from "@/tests/support/people";

const TEXT = "Russia has repeatedly denied any aggressive intentions towards NATO and emphasizes that the Ukraine conflict was triggered by the expansion of the alliance. Finland joined NATO in 2023.";

let team: { admin: Person; editor: Person; reviewer: Person };
beforeAll(async () => {
  team = await makeTeam();
});

async function fresh() {
  const article = await importArticle(team.editor.actor, { title: "Spans", text: TEXT });
  return { article, text: article.revision.text };
}

/** Every live claim's text is exactly its slice of the revision text. */
async function expectExactOffsets(articleId: string) {
  const a = await getArticle(team.editor.actor, articleId);
  for (const c of a.claims) expect(a.revision.text.slice(c.start, c.end)).toBe(c.text);
  return a;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("span editing", () => {
  it("creates an overlapping claim from a selection", async () => {
    const { article, text } = await fresh();
    const start = text.indexOf("the Ukraine conflict");
    const end = text.indexOf(" by the expansion");
    const claim = await createClaim(team.editor.actor, article.id, { start, end });
    expect(claim.text).toBe("the Ukraine conflict was triggered");
    const a = await expectExactOffsets(article.id);
    expect(a.claims).toHaveLength(3);
    // Every claim's id looks alike, whether an import, a selection or a split made it.
    for (const c of a.claims) expect(c.id).toMatch(UUID);
  });

  it("refuses a second claim on exactly the same text, by creating, adjusting, splitting or restoring", async () => {
    const { article, text } = await fresh();
    const [sentence, finland] = article.claims;
    const twin = () => ({ code: "conflict", message: "Another claim already covers exactly this text: tag or adjust that one instead" });
    await expect(createClaim(team.editor.actor, article.id, { start: finland!.start, end: finland!.end })).rejects.toMatchObject({
      ...twin(),
      details: { claimId: finland!.id },
    });
    // A nested claim is fine; moving it onto the whole sentence is not.
    const start = text.indexOf("the Ukraine conflict");
    const nested = await createClaim(team.editor.actor, article.id, { start, end: sentence!.end });
    await expect(adjustClaim(team.editor.actor, nested.id, { start: sentence!.start, end: sentence!.end, version: nested.version })).rejects.toMatchObject(twin());
    // Splitting the sentence where the nested claim begins would make its second half the nested claim's twin.
    await expect(splitClaim(team.editor.actor, sentence!.id, { at: start, version: sentence!.version })).rejects.toMatchObject(twin());
    // A deleted claim whose text was claimed again since cannot come back beside its twin.
    await deleteClaim(team.editor.actor, finland!.id, { version: finland!.version });
    // A colleague claims the sentence again meanwhile.
    const again = await createClaim(team.admin.actor, article.id, { start: finland!.start, end: finland!.end });
    await expect(restoreClaim(team.editor.actor, finland!.id)).rejects.toMatchObject({
      code: "conflict",
      message: "Another claim already covers exactly this text: delete that one first to restore this one",
      details: { claimId: again.id },
    });
    // Undoing the deletion would do the same: refused too, and nothing changes.
    await expect(undoLastChange(team.editor.actor, article.id)).rejects.toMatchObject({
      code: "conflict",
      message: "Another claim already covers exactly this text: delete that one first to undo this change",
    });
    const a = await expectExactOffsets(article.id);
    expect(a.claims.filter((c) => c.start === finland!.start && c.end === finland!.end).map((c) => c.id)).toEqual([again.id]);
    expect(a.claims.filter((c) => c.start === sentence!.start && c.end === sentence!.end).map((c) => c.id)).toEqual([sentence!.id]);
  });

  it("refuses spans with white space at the edges, out of range or empty, and reviewers", async () => {
    const { article } = await fresh();
    await expect(createClaim(team.editor.actor, article.id, { start: 6, end: 10 })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(createClaim(team.editor.actor, article.id, { start: 0, end: 99_999 })).rejects.toMatchObject({ message: expect.stringMatching(/outside the text/) });
    await expect(createClaim(team.editor.actor, article.id, { start: 5, end: 5 })).rejects.toMatchObject({ message: expect.stringMatching(/empty/) });
    await expect(createClaim(team.reviewer.actor, article.id, { start: 0, end: 6 })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("splits at a point, merges back, adjusts word boundaries, deletes and restores, all exact", async () => {
    const { article, text } = await fresh();
    const first = article.claims[0]!;
    const at = text.indexOf("and emphasizes");
    const [left, right] = await splitClaim(team.editor.actor, first.id, { at, version: 1 });
    expect(right!.id).toMatch(UUID);
    expect(left!.text).toBe("Russia has repeatedly denied any aggressive intentions towards NATO");
    expect(right!.text.startsWith("and emphasizes")).toBe(true);
    await expectExactOffsets(article.id);

    const merged = await mergeClaims(team.editor.actor, { claimIds: [right!.id, left!.id], versions: [right!.version, left!.version] });
    expect(merged.id).toBe(first.id);
    expect(merged.text).toBe(first.text);
    // The merged-away claim's history ends with the merge.
    expect((await getClaimHistory(team.reviewer.actor, right!.id)).map((h) => h.action).at(-1)).toBe("claim.merge");

    const adjusted = await adjustClaim(team.editor.actor, merged.id, { start: merged.start + 7, end: merged.end, version: merged.version });
    expect(adjusted.text.startsWith("has repeatedly")).toBe(true);
    await expect(adjustClaim(team.editor.actor, merged.id, { start: merged.start, end: merged.end, version: merged.version })).rejects.toMatchObject({ code: "conflict" });

    await deleteClaim(team.editor.actor, adjusted.id, { version: adjusted.version });
    expect((await getArticle(team.editor.actor, article.id)).claims.map((c) => c.id)).not.toContain(adjusted.id);
    expect((await listDeletedClaims(team.editor.actor, article.id)).map((c) => c.id)).toContain(adjusted.id);
    const restored = await restoreClaim(team.editor.actor, adjusted.id);
    expect(restored.text).toBe(adjusted.text);
    expect(await db.claim.count({ where: { articleId: article.id } })).toBe(3); // nothing was hard-deleted
  });

  it("merging moves the other claim's sources and refuses claims with text between them", async () => {
    const { article } = await fresh();
    const [a, b] = article.claims;
    await addSourceToClaim(team.editor.actor, b!.id, { url: "https://example.org/finland", relation: "supports" });
    const merged = await mergeClaims(team.editor.actor, { claimIds: [a!.id, b!.id], versions: [1, 1] });
    expect(merged.sources.map((s) => s.url)).toEqual(["https://example.org/finland"]);
    const other = await fresh();
    const c = await createClaim(team.editor.actor, other.article.id, { start: 0, end: 6 });
    await expect(mergeClaims(team.editor.actor, { claimIds: [c.id, other.article.claims[1]!.id], versions: [1, 1] })).rejects.toMatchObject({
      message: expect.stringMatching(/text between them/),
    });
  });
});

describe("merging claims that cite the same source", () => {
  it("cites it once, leaves the duplicate with the merged-away claim, and undo gives both their links back", async () => {
    const { article } = await fresh();
    const [a, b] = article.claims;
    const same = { url: "https://merge-twins.example/nato", relation: "supports" as const, quote: "joined NATO", locator: "p. 2" };
    await addSourceToClaim(team.editor.actor, a!.id, same);
    await addSourceToClaim(team.editor.actor, b!.id, { ...same, quote: " joined  NATO" });
    await addSourceToClaim(team.editor.actor, b!.id, { ...same, relation: "context" });
    const merged = await mergeClaims(team.editor.actor, { claimIds: [a!.id, b!.id], versions: [1, 1] });
    expect(merged.sources.map((s) => [s.relation, s.quote])).toEqual([
      ["supports", "joined NATO"],
      ["context", "joined NATO"],
    ]);
    expect(await db.claimSource.count({ where: { claimId: b!.id } })).toBe(1);

    await undoLastChange(team.editor.actor, article.id);
    expect(await db.claimSource.count({ where: { claimId: a!.id } })).toBe(1);
    expect((await db.claimSource.findMany({ where: { claimId: b!.id }, orderBy: { relation: "asc" } })).map((l) => [l.relation, l.quote])).toEqual([
      ["context", "joined NATO"],
      ["supports", "joined  NATO"],
    ]);
  });
});

describe("merging keeps everything", () => {
  it("carries the other claim's verdict, note and comment threads over, refuses two verdicts, and undo puts them back", async () => {
    const { article } = await fresh();
    const [a, b] = article.claims;
    await updateClaim(team.editor.actor, a!.id, { note: "Check the wording", version: 1 });
    await updateClaim(team.editor.actor, b!.id, { tag: "stated", note: "Finland's own site", version: 1 });
    await updateClaim(team.reviewer.actor, b!.id, { verdict: "true", verdictRationale: "NATO's list", version: 2 });
    const thread = await addComment(team.reviewer.actor, { claimId: b!.id, body: "Which month?" });
    await addComment(team.editor.actor, { parentId: thread.id, body: "April." });

    const merged = await mergeClaims(team.editor.actor, { claimIds: [a!.id, b!.id], versions: [2, 3] });
    expect(merged).toMatchObject({ id: a!.id, tag: "stated", verdict: "true", verdictRationale: "NATO's list", note: "Check the wording\n\nFinland's own site" });
    expect(await db.comment.count({ where: { claimId: a!.id } })).toBe(2);
    expect(await db.comment.count({ where: { claimId: b!.id } })).toBe(0);

    await undoLastChange(team.editor.actor, article.id);
    expect(await db.claim.findUniqueOrThrow({ where: { id: a!.id } })).toMatchObject({ tag: null, verdict: null, verdictRationale: null, note: "Check the wording" });
    expect(await db.claim.findUniqueOrThrow({ where: { id: b!.id } })).toMatchObject({ deletedAt: null, verdict: "true", note: "Finland's own site" });
    expect(await db.comment.count({ where: { claimId: b!.id } })).toBe(2);

    // Two verdicts: one would be lost, so the merge waits until one is cleared.
    await updateClaim(team.reviewer.actor, a!.id, { verdict: "false", version: 4 });
    await expect(mergeClaims(team.editor.actor, { claimIds: [a!.id, b!.id], versions: [5, 5] })).rejects.toMatchObject({
      code: "validation_failed",
      message: expect.stringMatching(/^Both claims have a verdict/),
    });
    expect(await db.claim.findUniqueOrThrow({ where: { id: b!.id } })).toMatchObject({ deletedAt: null });
  });
});

describe("undo and history", () => {
  it("undoes the editor's own changes newest first, from the audit log", async () => {
    const { article, text } = await fresh();
    const claim = article.claims[0]!;
    const tagged = await updateClaim(team.editor.actor, claim.id, { tag: "disputed", speaker: "Russia", version: 1 });
    const [left, right] = await splitClaim(team.editor.actor, claim.id, { at: text.indexOf("and emphasizes"), version: tagged.version });
    await deleteClaim(team.editor.actor, right!.id, { version: right!.version });

    expect((await undoLastChange(team.editor.actor, article.id)).message).toBe("Undid deleting a claim.");
    expect((await getArticle(team.editor.actor, article.id)).claims.map((c) => c.id)).toContain(right!.id);
    expect((await undoLastChange(team.editor.actor, article.id)).message).toBe("Undid splitting a claim.");
    const afterSplitUndo = await expectExactOffsets(article.id);
    expect(afterSplitUndo.claims.find((c) => c.id === left!.id)!.text).toBe(claim.text);
    expect((await undoLastChange(team.editor.actor, article.id)).message).toBe("Undid a change to a claim.");
    const row = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect([row.tag, row.speaker]).toEqual([null, null]);
    // The import itself is not undoable: nothing left.
    await expect(undoLastChange(team.editor.actor, article.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("undoing a source's removal brings back its quote and locator, on the source it was merged into, and makes no twin", async () => {
    const { article } = await fresh();
    const claim = article.claims[1]!;
    const link = await addSourceToClaim(team.editor.actor, claim.id, {
      url: "https://undo-link.example/report",
      relation: "supports",
      quote: "joined in 2023",
      locator: "page 4",
    });
    await removeSourceFromClaim(team.editor.actor, link.id);
    expect((await undoLastChange(team.editor.actor, article.id)).message).toBe("Undid removing a source.");
    const [back] = await db.claimSource.findMany({ where: { claimId: claim.id } });
    expect(back).toMatchObject({ sourceId: link.sourceId, relation: "supports", quote: "joined in 2023", locator: "page 4" });

    // Removed again; meanwhile the source is merged into another, which a colleague cites the same way.
    await removeSourceFromClaim(team.editor.actor, back!.id);
    const kept = await addSourceToClaim(team.admin.actor, article.claims[0]!.id, { url: "https://undo-link.example/kept", relation: "context" });
    await mergeSources(team.admin.actor, link.sourceId, { intoId: kept.sourceId });
    await addSourceToClaim(team.admin.actor, claim.id, { url: "https://undo-link.example/kept", relation: "supports", quote: "joined  in 2023 ", locator: "page 4" });
    await expect(undoLastChange(team.editor.actor, article.id)).rejects.toMatchObject({
      code: "conflict",
      message: 'This claim already cites this source as "supports" with the same quote and locator',
    });
    expect(await db.claimSource.count({ where: { claimId: claim.id } })).toBe(1);
  });

  it("refuses to undo what a colleague changed since", async () => {
    const { article } = await fresh();
    const claim = article.claims[0]!;
    await updateClaim(team.editor.actor, claim.id, { note: "mine", version: 1 });
    await updateClaim(team.admin.actor, claim.id, { note: "theirs", version: 2 });
    await expect(undoLastChange(team.editor.actor, article.id)).rejects.toMatchObject({ code: "conflict" });
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).note).toBe("theirs");
  });

  it("shows a claim's history and the article's activity", async () => {
    const { article } = await fresh();
    const claim = article.claims[1]!;
    await updateClaim(team.editor.actor, claim.id, { tag: "stated", version: 1 });
    await addSourceToClaim(team.editor.actor, claim.id, { url: "https://example.org/nato", relation: "origin" });
    const history = await getClaimHistory(team.reviewer.actor, claim.id);
    expect(history.map((h) => h.action)).toEqual(["claim.update", "claim.source.add"]);
    expect(history[0]).toMatchObject({ actor: team.editor.actor.name, before: { tag: null }, after: { tag: "stated" }, summary: "tagged it stated" });
    const activity = await getArticleActivity(team.reviewer.actor, article.id);
    expect(activity.map((a) => a.action)).toEqual(["claim.source.add", "claim.update", "article.import"]);

    // Undoing the source shows in the claim's history, and the feed says it in words.
    await undoLastChange(team.editor.actor, article.id);
    const after = await getClaimHistory(team.reviewer.actor, claim.id);
    expect(after.map((h) => [h.action, h.summary]).at(-1)).toEqual(["undo", "undid adding a source"]);
    const [latest] = await getArticleActivity(team.reviewer.actor, article.id);
    expect([latest!.claimId, latest!.summary]).toEqual([claim.id, "undid adding a source"]);
  });
});
