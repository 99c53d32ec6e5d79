import { beforeAll, describe, expect, it, vi } from "vitest";
import { actAs, cookieStore } from "@/tests/support/request-context";

vi.mock("next/headers", () => ({ cookies: async () => cookieStore }));

import { db } from "@/lib/db";
import { importArticle } from "@/lib/data/articles";
import { addComment, countClaimComments, listComments, resolveComment } from "@/lib/data/comments";
import { transitionArticle } from "@/lib/data/review";
import { GET as listRoute, POST as addRoute } from "@/app/api/v1/articles/[articleId]/comments/route";
import { PATCH as resolveRoute } from "@/app/api/v1/comments/[commentId]/route";
import { addCommentAction, listCommentsAction } from "@/app/(app)/articles/[articleId]/review-actions";
import { SAMPLE_TEXT, makeTeam, type Person } from "@/tests/support/people";
import { tagEveryClaim } from "@/tests/support/finish-claims";

let team: { admin: Person; editor: Person; reviewer: Person };
beforeAll(async () => {
  team = await makeTeam();
});

async function article() {
  return importArticle(team.editor.actor, { title: "Comments", text: SAMPLE_TEXT });
}

describe("comments", () => {
  it("threads: replies nest under their thread, a reply to a reply joins the same thread", async () => {
    const a = await article();
    const claim = a.claims[1]!;
    const root = await addComment(team.reviewer.actor, { claimId: claim.id, body: "Which statement is this from?" });
    const reply = await addComment(team.editor.actor, { parentId: root.id, body: "The joint statement of 18 March." });
    await addComment(team.reviewer.actor, { parentId: reply.id, body: "Thanks, please link it." });
    await addComment(team.editor.actor, { claimId: a.claims[0]!.id, body: "Other claim." });
    const threads = await listComments(team.editor.actor, { claimId: claim.id });
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({
      id: root.id,
      author: team.reviewer.actor.name,
      authorRole: "reviewer",
      claimId: claim.id,
      resolvedAt: null,
    });
    expect(threads[0]!.replies.map((r) => r.body)).toEqual(["The joint statement of 18 March.", "Thanks, please link it."]);
    const rows = await db.comment.findMany({ where: { claimId: claim.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.parentId)).toEqual([null, root.id, root.id]);
    expect(await listComments(team.editor.actor, { articleId: a.id })).toEqual([]);
    expect(await listComments(team.editor.actor, { articleId: a.id, scope: "all" })).toHaveLength(2);
    expect(
      await countClaimComments(
        team.editor.actor,
        a.claims.map((c) => c.id),
      ),
    ).toEqual({
      [claim.id]: { threads: 1, open: 1 },
      [a.claims[0]!.id]: { threads: 1, open: 1 },
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: "comment", entityId: root.id } });
    expect(event).toMatchObject({ action: "comment.add", articleId: a.id, actorId: team.reviewer.actor.id });
  });

  it("resolving: a thread resolves and reopens; a reply cannot be resolved on its own", async () => {
    const a = await article();
    const root = await addComment(team.reviewer.actor, { claimId: a.claims[0]!.id, body: "Unsourced." });
    const reply = await addComment(team.editor.actor, { parentId: root.id, body: "Added one." });
    const resolved = await resolveComment(team.editor.actor, root.id, { resolved: true });
    expect(resolved).toMatchObject({ resolvedBy: team.editor.actor.name, replies: [{ id: reply.id }] });
    expect(resolved.resolvedAt).not.toBeNull();
    expect(await countClaimComments(team.editor.actor, [a.claims[0]!.id])).toEqual({
      [a.claims[0]!.id]: { threads: 1, open: 0 },
    });
    await expect(resolveComment(team.editor.actor, reply.id, { resolved: true })).rejects.toMatchObject({
      code: "validation_failed",
    });
    expect(await resolveComment(team.reviewer.actor, root.id, { resolved: false })).toMatchObject({
      resolvedAt: null,
      resolvedBy: null,
    });
    expect(
      await db.auditEvent.count({ where: { entityId: root.id, action: { in: ["comment.resolve", "comment.reopen"] } } }),
    ).toBe(2);
  });

  it("permissions: anonymous is refused, every role may comment, bad input is 422", async () => {
    const a = await article();
    const claimId = a.claims[0]!.id;
    await expect(addComment(null, { claimId, body: "x" })).rejects.toMatchObject({ code: "unauthenticated" });
    for (const who of [team.editor, team.reviewer, team.admin]) {
      await expect(addComment(who.actor, { claimId, body: `From ${who.actor.role}` })).resolves.toMatchObject({
        author: who.actor.name,
      });
    }
    await expect(addComment(team.editor.actor, { claimId, body: "   " })).rejects.toMatchObject({
      code: "validation_failed",
      fields: { body: ["Write a comment first"] },
    });
    await expect(addComment(team.editor.actor, { claimId, body: "x".repeat(5001) })).rejects.toMatchObject({
      code: "validation_failed",
    });
    await expect(addComment(team.editor.actor, { claimId: "missing", body: "x" })).rejects.toMatchObject({ code: "not_found" });
    await expect(listComments(null, { claimId })).rejects.toMatchObject({ code: "unauthenticated" });
    // Listing: an unknown claim or article is a 404, not an empty list; a wrong scope names the right ones.
    await expect(listComments(team.editor.actor, { claimId: "missing" })).rejects.toMatchObject({ code: "not_found", message: "Claim not found" });
    await expect(listComments(team.editor.actor, { articleId: "missing" })).rejects.toMatchObject({ code: "not_found", message: "Article not found" });
    const other = await article();
    await expect(listComments(team.editor.actor, { articleId: other.id, claimId })).rejects.toMatchObject({ code: "not_found" });
    await expect(listComments(team.editor.actor, { articleId: a.id, scope: "x" })).rejects.toMatchObject({
      code: "validation_failed",
      fields: { scope: [`scope must be "article" (the article's own threads) or "all" (its claims' too)`] },
    });
  });

  it("an approved article takes no comments until reopened", async () => {
    const a = await article();
    const root = await addComment(team.reviewer.actor, { claimId: a.claims[0]!.id, body: "Before approval." });
    await tagEveryClaim(team.editor.actor, a.id);
    await transitionArticle(team.editor.actor, a.id, { action: "submit" });
    await transitionArticle(team.reviewer.actor, a.id, { action: "approve" });
    await expect(addComment(team.reviewer.actor, { claimId: a.claims[0]!.id, body: "After." })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(resolveComment(team.editor.actor, root.id, { resolved: true })).rejects.toMatchObject({ code: "forbidden" });
    await transitionArticle(team.reviewer.actor, a.id, { action: "reopen" });
    await expect(addComment(team.reviewer.actor, { claimId: a.claims[0]!.id, body: "After reopening." })).resolves.toBeDefined();
  });

  it("through the API and the server actions", async () => {
    const a = await article();
    const claimId = a.claims[2]!.id;
    const headers = { authorization: `Bearer ${team.reviewer.token}`, "content-type": "application/json" };
    const params = { params: Promise.resolve({ articleId: a.id }) };
    const created = await addRoute(
      new Request(`http://localhost/api/v1/articles/${a.id}/comments`, {
        method: "POST",
        headers,
        body: JSON.stringify({ claimId, body: "Via the API" }),
      }),
      params,
    );
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const other = await importArticle(team.editor.actor, { title: "Other", text: SAMPLE_TEXT });
    const mismatch = await addRoute(
      new Request(`http://localhost/api/v1/articles/${other.id}/comments`, {
        method: "POST",
        headers,
        body: JSON.stringify({ claimId, body: "Wrong article" }),
      }),
      { params: Promise.resolve({ articleId: other.id }) },
    );
    expect(mismatch.status).toBe(404);
    const listed = await listRoute(
      new Request(`http://localhost/api/v1/articles/${a.id}/comments?claimId=${claimId}`, { headers }),
      params,
    );
    expect(((await listed.json()) as { threads: { id: string }[] }).threads.map((t) => t.id)).toEqual([id]);
    const patched = await resolveRoute(
      new Request(`http://localhost/api/v1/comments/${id}`, {
        method: "PATCH",
        headers,
        body: JSON.stringify({ resolved: true }),
      }),
      {
        params: Promise.resolve({ commentId: id }),
      },
    );
    expect(patched.status).toBe(200);

    actAs(team.editor.cookie);
    const action = await addCommentAction({ parentId: id, body: "Reply via the action" });
    expect(action).toMatchObject({ ok: true, value: { author: team.editor.actor.name } });
    const threads = await listCommentsAction({ claimId });
    expect(threads.ok && threads.value[0]!.replies).toHaveLength(1);
    actAs("");
    expect(await addCommentAction({ claimId, body: "anon" })).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
  });
});
