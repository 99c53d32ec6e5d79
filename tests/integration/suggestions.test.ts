import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { undoLastChange } from "@/lib/data/undo";
import { getArticleActivity } from "@/lib/data/history";
import { db } from "@/lib/db";
import { importArticle } from "@/lib/data/articles";
import { acceptSuggestions, updateClaim } from "@/lib/data/claims";
import { AppError } from "@/lib/errors";
import { POST as acceptRoute } from "@/app/api/v1/articles/[articleId]/accept-suggestions/route";
import { makeTeam, type Person } from "@/tests/support/people";

const SAMPLE = fs.readFileSync(path.join(import.meta.dirname, "..", "..", "prisma", "demo", "ottawa-treaty-withdrawal.txt"), "utf8");

let team: { admin: Person; editor: Person; reviewer: Person };
beforeAll(async () => {
  team = await makeTeam();
});

describe("suggestions on import", () => {
  it("stores a suggestion for every claim but leaves every claim untagged", async () => {
    const article = await importArticle(team.editor.actor, { title: "Suggested", text: SAMPLE });
    expect(article.claims.every((c) => c.tag === null && c.suggestion !== null)).toBe(true);
    const governments = article.claims.find((c) => c.text.startsWith("The governments of the four NATO"))!;
    expect(governments.suggestion).toMatchObject({ tag: "attributed", cue: { text: "stated" } });
    const s = governments.suggestion!;
    expect(article.revision.text.slice(s.speaker!.start, s.speaker!.end)).toBe(s.speaker!.text);
    expect(s.reasons.join(" ")).toMatch(/stated/);
    const trap = article.claims.find((c) => c.text.includes("had claimed countless civilian lives"))!;
    expect(trap.suggestion!.tag).not.toBe("disputed");
  });
});

describe("accepting suggestions", () => {
  it("accepts one suggestion as the editor's decision, with its speaker and cue", async () => {
    const article = await importArticle(team.editor.actor, { title: "Accept one", text: SAMPLE });
    const claim = article.claims.find((c) => c.suggestion?.tag === "attributed" && c.suggestion.speaker)!;
    const accepted = await updateClaim(team.editor.actor, claim.id, { acceptSuggestion: true, version: 1 });
    expect(accepted).toMatchObject({
      tag: "attributed",
      speaker: claim.suggestion!.speaker!.text,
      cue: claim.suggestion!.cue!.text,
      tagOrigin: "suggestion",
      taggedBy: team.editor.actor.name,
      version: 2,
    });
    expect(accepted.taggedAt).not.toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: claim.id } });
    expect(event).toMatchObject({ action: "claim.accept-suggestion", actorId: team.editor.actor.id });
  });

  it("accepts a disputed suggestion with who disputes it ('Russia has repeatedly denied')", async () => {
    const article = await importArticle(team.editor.actor, { title: "Accept a denial", text: SAMPLE });
    const claim = article.claims.find((c) => c.text.startsWith("Russia has repeatedly denied"))!;
    expect(claim.suggestion).toMatchObject({ tag: "disputed", speaker: { text: "Russia" }, cue: { text: "denied" } });
    const accepted = await updateClaim(team.editor.actor, claim.id, { acceptSuggestion: true, version: 1 });
    expect(accepted).toMatchObject({ tag: "disputed", speaker: "Russia", cue: "denied", tagOrigin: "suggestion" });
  });

  it("marks a tag chosen by hand as the editor's", async () => {
    const article = await importArticle(team.editor.actor, { title: "By hand", text: SAMPLE });
    const updated = await updateClaim(team.editor.actor, article.claims[0]!.id, { tag: "disputed", version: 1 });
    expect(updated.tagOrigin).toBe("editor");
  });

  it("accepts all pending suggestions at or above a confidence, leaving tagged claims alone", async () => {
    const article = await importArticle(team.editor.actor, { title: "Accept all", text: SAMPLE });
    const first = article.claims[0]!;
    await updateClaim(team.editor.actor, first.id, { tag: "disputed", version: 1 });
    const threshold = 0.6;
    const expected = article.claims.filter((c) => c.id !== first.id && c.suggestion!.confidence >= threshold).map((c) => c.id);
    expect(expected.length).toBeGreaterThan(0);
    const accepted = await acceptSuggestions(team.editor.actor, article.id, { minConfidence: threshold });
    expect(accepted.map((c) => c.id).sort()).toEqual(expected.sort());
    const rows = await db.claim.findMany({ where: { articleId: article.id }, select: { id: true, tag: true, suggestedTag: true, tagOrigin: true } });
    for (const row of rows) {
      if (row.id === first.id) expect([row.tag, row.tagOrigin]).toEqual(["disputed", "editor"]);
      else if (expected.includes(row.id)) expect([row.tag, row.tagOrigin]).toEqual([row.suggestedTag, "suggestion"]);
      else expect(row.tag).toBeNull();
    }
    // Running it again finds nothing left to accept.
    expect(await acceptSuggestions(team.editor.actor, article.id, { minConfidence: threshold })).toEqual([]);

    // One undo takes the whole batch back, and leaves the editor's own tag before it.
    const undone = await undoLastChange(team.editor.actor, article.id);
    expect(undone.message).toBe("Undid accepting all suggestions.");
    expect(undone.claimIds.sort()).toEqual(expected.sort());
    const after = await db.claim.findMany({ where: { articleId: article.id }, select: { id: true, tag: true, tagOrigin: true } });
    for (const row of after) expect(row.tag).toBe(row.id === first.id ? "disputed" : null);
    const feed = await getArticleActivity(team.editor.actor, article.id);
    expect(feed.map((e) => e.summary)).toContain(`accepted every suggestion of 60% confidence or more (${expected.length} claims)`);
    // The next undo is the editor's own tag.
    expect((await undoLastChange(team.editor.actor, article.id)).claimIds).toEqual([first.id]);
  });

  it("after undoing a large accept-all, the change before it can still be undone", async () => {
    const text = Array.from({ length: 250 }, (_, i) => `The mayor said taxes would rise by ${i + 1} percent.`).join("\n\n");
    const article = await importArticle(team.editor.actor, { title: "Large accept all", text });
    const first = article.claims[0]!;
    await updateClaim(team.editor.actor, first.id, { note: "earlier note", version: 1 });
    const accepted = await acceptSuggestions(team.editor.actor, article.id, { minConfidence: 0 });
    expect(accepted.length).toBeGreaterThan(200);
    expect((await undoLastChange(team.editor.actor, article.id)).message).toBe("Undid accepting all suggestions.");
    // Hundreds of events now lie between the newest and the note: undo still finds it.
    expect((await undoLastChange(team.editor.actor, article.id)).message).toBe("Undid a change to a claim.");
    expect(await db.claim.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ note: null, tag: null });
  });

  it("refuses reviewers and out-of-range confidences, through the API too", async () => {
    const article = await importArticle(team.editor.actor, { title: "Refusals", text: SAMPLE });
    await expect(acceptSuggestions(team.reviewer.actor, article.id, { minConfidence: 0.5 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(acceptSuggestions(team.editor.actor, article.id, { minConfidence: 1.5 })).rejects.toBeInstanceOf(AppError);
    const call = (token: string, body: unknown) =>
      acceptRoute(
        new Request(`http://localhost/api/v1/articles/${article.id}/accept-suggestions`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve({ articleId: article.id }) },
      );
    expect((await call(team.reviewer.token, { minConfidence: 0.5 })).status).toBe(403);
    expect((await call(team.editor.token, { minConfidence: "high" })).status).toBe(422);
    const ok = await call(team.editor.token, { minConfidence: 0.9 });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { accepted: number };
    expect(body.accepted).toBe(article.claims.filter((c) => c.suggestion!.confidence >= 0.9).length);
  });
});
