import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { importArticle } from "@/lib/data/articles";
import { updateClaim } from "@/lib/data/claims";
import { importRevision } from "@/lib/data/revisions";
import { addSourceToClaim } from "@/lib/data/sources";
import { getReviewStatus, listReviewQueue, transitionArticle, type ReviewAction } from "@/lib/data/review";
import { setClaimVerdict } from "@/lib/data/review-verdicts";
import { POST as reviewRoute } from "@/app/api/v1/articles/[articleId]/review/route";
import { GET as queueRoute } from "@/app/api/v1/review-queue/route";
import type { ReviewState } from "@/lib/export/types";
import { SAMPLE_TEXT, makeTeam, type Person } from "@/tests/support/people";
import { tagEveryClaim } from "@/tests/support/finish-claims";

let team: { admin: Person; editor: Person; reviewer: Person };
beforeAll(async () => {
  team = await makeTeam();
});

type Role = "editor" | "reviewer" | "admin";
const ROLES: Role[] = ["editor", "reviewer", "admin"];

async function articleIn(state: ReviewState): Promise<string> {
  const article = await importArticle(team.editor.actor, { title: `Review ${state}`, text: SAMPLE_TEXT });
  await tagEveryClaim(team.editor.actor, article.id);
  const path: Record<ReviewState, ReviewAction[]> = {
    draft: [],
    in_review: ["submit"],
    approved: ["submit", "approve"],
    changes_requested: ["submit", "request_changes"],
  };
  for (const action of path[state]) {
    const actor = action === "submit" ? team.editor.actor : team.reviewer.actor;
    await transitionArticle(actor, article.id, {
      action,
      comment: action === "request_changes" ? "Source the casualty figures." : undefined,
    });
  }
  return article.id;
}

const stateOf = async (id: string) => (await db.article.findUniqueOrThrow({ where: { id } })).reviewState;

// Every transition, tried by every role from every state: what is allowed moves the
// article; a wrong role is 403 and a wrong state 409, and neither changes anything.
const ALLOWED: Record<ReviewAction, { from: ReviewState[]; to: ReviewState; roles: Role[] }> = {
  submit: { from: ["draft", "changes_requested"], to: "in_review", roles: ["editor", "admin"] },
  approve: { from: ["in_review"], to: "approved", roles: ["reviewer", "admin"] },
  request_changes: { from: ["in_review"], to: "changes_requested", roles: ["reviewer", "admin"] },
  reopen: { from: ["approved"], to: "draft", roles: ["reviewer", "admin"] },
};
const STATES: ReviewState[] = ["draft", "in_review", "approved", "changes_requested"];
const cases = (Object.keys(ALLOWED) as ReviewAction[]).flatMap((action) =>
  STATES.flatMap((from) => ROLES.map((role) => ({ action, from, role }))),
);

describe("review transitions through the API", () => {
  it.each(cases)("$role: $action from $from", async ({ action, from, role }) => {
    const id = await articleIn(from);
    const rule = ALLOWED[action];
    const response = await reviewRoute(
      new Request(`http://localhost/api/v1/articles/${id}/review`, {
        method: "POST",
        headers: { authorization: `Bearer ${team[role].token}`, "content-type": "application/json" },
        body: JSON.stringify({ action, comment: "Looks right to me." }),
      }),
      { params: Promise.resolve({ articleId: id }) },
    );
    const expected = !rule.roles.includes(role) ? 403 : rule.from.includes(from) ? 200 : 409;
    expect(response.status).toBe(expected);
    expect(await stateOf(id)).toBe(expected === 200 ? rule.to : from);
    if (expected === 200) {
      const event = await db.auditEvent.findFirstOrThrow({
        where: { articleId: id, entityType: "article", action: { not: "article.import" } },
        // Ids break ties: two transitions can fall in the same millisecond.
        orderBy: [{ at: "desc" }, { id: "desc" }],
      });
      expect(event.actorId).toBe(team[role].actor.id);
      expect(JSON.parse(event.before!)).toEqual({ reviewState: from });
      expect(JSON.parse(event.after!)).toMatchObject({ reviewState: rule.to, comment: "Looks right to me." });
    }
  });
});

describe("review workflow", () => {
  it("requesting changes needs a comment, which becomes an article-level thread", async () => {
    const id = await articleIn("in_review");
    await expect(transitionArticle(team.reviewer.actor, id, { action: "request_changes", comment: "  " })).rejects.toMatchObject({
      code: "validation_failed",
      fields: { comment: ["Say what needs to change"] },
    });
    const status = await transitionArticle(team.reviewer.actor, id, {
      action: "request_changes",
      comment: "Add the treaty text as origin.",
    });
    expect(status).toMatchObject({ state: "changes_requested", reviewedBy: team.reviewer.actor.name, openComments: 1 });
    expect(status.history.map((h) => [h.action, h.actor, h.comment])).toEqual([
      ["submit", team.editor.actor.name, null],
      ["request_changes", team.reviewer.actor.name, "Add the treaty text as origin."],
    ]);
    const thread = await db.comment.findFirstOrThrow({ where: { articleId: id } });
    expect(thread).toMatchObject({
      claimId: null,
      parentId: null,
      body: "Add the treaty text as origin.",
      authorId: team.reviewer.actor.id,
    });
  });

  it("the full loop: submit, changes requested, resubmit, approve, read-only, reopen", async () => {
    const article = await importArticle(team.editor.actor, { title: "Loop", text: SAMPLE_TEXT });
    const claim = article.claims[0]!;
    expect((await getReviewStatus(team.editor.actor, article.id)).allowed).toEqual(["submit"]);
    expect((await getReviewStatus(team.reviewer.actor, article.id)).allowed).toEqual([]);
    await transitionArticle(team.editor.actor, article.id, { action: "submit" });
    // Four untagged claims: approval waits for them, and says so.
    expect(await getReviewStatus(team.reviewer.actor, article.id)).toMatchObject({
      allowed: ["request_changes"],
      blockers: ["4 claims are not tagged"],
    });
    await transitionArticle(team.reviewer.actor, article.id, { action: "request_changes", comment: "Tag the claims." });
    await updateClaim(team.editor.actor, claim.id, { tag: "stated", version: 1 });
    await tagEveryClaim(team.editor.actor, article.id);
    expect((await getReviewStatus(team.editor.actor, article.id)).blockers).toEqual([]);
    await transitionArticle(team.editor.actor, article.id, { action: "submit" });
    expect((await getReviewStatus(team.reviewer.actor, article.id)).allowed).toEqual(["approve", "request_changes"]);
    const verdict = await setClaimVerdict(team.reviewer.actor, claim.id, {
      verdict: "true",
      verdictRationale: "Matches the record.",
      version: 2,
    });
    expect(verdict).toMatchObject({ verdict: "true", verdictBy: team.reviewer.actor.name, version: 3 });
    const openBefore = (await getReviewStatus(team.reviewer.actor, article.id)).openComments;
    const approved = await transitionArticle(team.reviewer.actor, article.id, { action: "approve", comment: "Good to publish." });
    expect(approved).toMatchObject({ state: "approved", allowed: ["reopen"] });
    // The approval's word is kept, as a thread already resolved: nothing is left open on an approved article.
    expect(approved.openComments).toBe(openBefore);
    expect(approved.history.at(-1)).toMatchObject({ action: "approve", comment: "Good to publish." });
    const note = await db.comment.findFirstOrThrow({ where: { articleId: article.id, body: "Good to publish." } });
    expect(note).toMatchObject({ resolvedById: team.reviewer.actor.id, resolvedAt: note.createdAt });

    // Read-only: claims, sources and verdicts refuse changes until reopened.
    await expect(updateClaim(team.editor.actor, claim.id, { note: "late", version: 3 })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(setClaimVerdict(team.reviewer.actor, claim.id, { verdict: "false", version: 3 })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      addSourceToClaim(team.editor.actor, claim.id, { url: "https://example.org/late", relation: "context" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(transitionArticle(team.editor.actor, article.id, { action: "reopen" })).rejects.toMatchObject({
      code: "forbidden",
    });

    const reopened = await transitionArticle(team.admin.actor, article.id, {
      action: "reopen",
      comment: "A correction came in.",
    });
    expect(reopened).toMatchObject({ state: "draft", submittedAt: null, reviewedAt: null });
    await updateClaim(team.editor.actor, claim.id, { note: "corrected", version: 3 });
    expect(reopened.history.map((h) => h.action)).toEqual(["submit", "request_changes", "submit", "approve", "reopen"]);
    expect(reopened.history.every((h) => h.at && h.actor)).toBe(true);
  });

  it("approval waits for every claim to be tagged and re-read, and for someone other than the submitter", async () => {
    const article = await importArticle(team.admin.actor, { title: "Guarded", text: SAMPLE_TEXT });
    const first = article.claims[0];
    const second = article.claims.find((c) => c.text.startsWith("The governments stated"));
    await updateClaim(team.admin.actor, first!.id, { tag: "attributed", speaker: "the military forces", version: 1 });
    await transitionArticle(team.admin.actor, article.id, { action: "submit" });
    await expect(transitionArticle(team.reviewer.actor, article.id, { action: "approve" })).rejects.toMatchObject({
      code: "conflict",
      message: "This article cannot be approved yet: 3 claims are not tagged",
      details: { blockers: ["3 claims are not tagged"] },
    });
    // Through the API the reasons come beside the error, as the README says.
    const viaApi = await reviewRoute(
      new Request(`http://localhost/api/v1/articles/${article.id}/review`, {
        method: "POST",
        headers: { authorization: `Bearer ${team.reviewer.token}`, "content-type": "application/json" },
        body: JSON.stringify({ action: "approve" }),
      }),
      { params: Promise.resolve({ articleId: article.id }) },
    );
    expect(viaApi.status).toBe(409);
    expect(await viaApi.json()).toEqual({
      error: { code: "conflict", message: "This article cannot be approved yet: 3 claims are not tagged" },
      blockers: ["3 claims are not tagged"],
    });
    await tagEveryClaim(team.editor.actor, article.id);
    // A correction rewords the second claim: it must be re-read before approval.
    const revised = SAMPLE_TEXT.replace("a growing military threat", "a growing and serious military threat");
    await importRevision(team.editor.actor, article.id, { text: revised });
    const changed = await db.claim.findUniqueOrThrow({ where: { id: second!.id } });
    expect(changed.anchorStatus).toBe("changed");
    await expect(transitionArticle(team.reviewer.actor, article.id, { action: "approve" })).rejects.toMatchObject({
      code: "conflict",
      message: "This article cannot be approved yet: 1 claim was changed (by a revision, or a span edit under a verdict) and not re-read",
    });
    await updateClaim(team.editor.actor, second!.id, { acknowledgeChange: true, version: changed.version });
    // The admin submitted it, so the admin may not approve it; the reviewer may.
    expect(await getReviewStatus(team.admin.actor, article.id)).toMatchObject({
      allowed: ["request_changes"],
      blockers: ["You submitted this article, so someone else must approve it"],
    });
    expect(await getReviewStatus(team.reviewer.actor, article.id)).toMatchObject({ allowed: ["approve", "request_changes"], blockers: [] });
    await expect(transitionArticle(team.admin.actor, article.id, { action: "approve" })).rejects.toMatchObject({
      code: "forbidden",
      message: "You submitted this article, so someone else must approve it",
    });
    expect(await stateOf(article.id)).toBe("in_review");
    await expect(transitionArticle(team.reviewer.actor, article.id, { action: "approve" })).resolves.toMatchObject({ state: "approved" });
  });

  it("a desk of one (CLAIMTRACK_SELF_APPROVAL=1) may approve its own submission", async () => {
    const article = await importArticle(team.admin.actor, { title: "Desk of one", text: SAMPLE_TEXT });
    await tagEveryClaim(team.admin.actor, article.id);
    await transitionArticle(team.admin.actor, article.id, { action: "submit" });
    const settings = env as { CLAIMTRACK_SELF_APPROVAL: "0" | "1" };
    settings.CLAIMTRACK_SELF_APPROVAL = "1";
    try {
      expect(await getReviewStatus(team.admin.actor, article.id)).toMatchObject({ allowed: ["approve", "request_changes"], blockers: [] });
      await expect(transitionArticle(team.admin.actor, article.id, { action: "approve" })).resolves.toMatchObject({ state: "approved" });
    } finally {
      settings.CLAIMTRACK_SELF_APPROVAL = "0";
    }
  });

  it("two reviewers deciding at once: one wins, the other gets a conflict", async () => {
    const id = await articleIn("in_review");
    const results = await Promise.allSettled([
      transitionArticle(team.reviewer.actor, id, { action: "approve" }),
      transitionArticle(team.admin.actor, id, { action: "request_changes", comment: "Wait." }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
    expect(
      await db.auditEvent.count({ where: { articleId: id, action: { in: ["article.approve", "article.request-changes"] } } }),
    ).toBe(1);
  });

  it("an editor cannot set verdicts; unknown actions and articles are refused", async () => {
    const id = await articleIn("draft");
    const claim = await db.claim.findFirstOrThrow({ where: { articleId: id } });
    await expect(setClaimVerdict(team.editor.actor, claim.id, { verdict: "true", version: 1 })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(setClaimVerdict(team.reviewer.actor, claim.id, { tag: "stated", version: 1 })).rejects.toMatchObject({
      code: "validation_failed",
    });
    await expect(transitionArticle(team.editor.actor, id, { action: "publish" })).rejects.toMatchObject({
      code: "validation_failed",
    });
    await expect(transitionArticle(team.editor.actor, "nope", { action: "submit" })).rejects.toMatchObject({ code: "not_found" });
    await expect(transitionArticle(null, id, { action: "submit" })).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("/review lists articles waiting for review, oldest submission first, for reviewers only", async () => {
    const first = await articleIn("in_review");
    const second = await articleIn("in_review");
    await db.article.update({ where: { id: first }, data: { submittedAt: new Date("2000-01-01T00:00:00Z") } });
    const queue = await listReviewQueue(team.reviewer.actor);
    const ids = queue.map((a) => a.id);
    expect(ids.indexOf(first)).toBe(0);
    expect(ids.indexOf(second)).toBeGreaterThan(0);
    expect(queue[0]).toMatchObject({ submittedBy: team.editor.actor.name, claims: expect.any(Number) });
    expect(queue.every((a) => a.submittedAt !== null)).toBe(true);
    const approvedId = await articleIn("approved");
    expect((await listReviewQueue(team.admin.actor)).map((a) => a.id)).not.toContain(approvedId);
    await expect(listReviewQueue(team.editor.actor)).rejects.toMatchObject({ code: "forbidden" });
    const asEditor = await queueRoute(
      new Request("http://localhost/api/v1/review-queue", { headers: { authorization: `Bearer ${team.editor.token}` } }),
      {
        params: Promise.resolve({}),
      },
    );
    expect(asEditor.status).toBe(403);
  });
});
