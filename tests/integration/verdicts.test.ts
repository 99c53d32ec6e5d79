import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importArticle } from "@/lib/data/articles";
import { updateClaim } from "@/lib/data/claims";
import { addSourceToClaim } from "@/lib/data/sources";
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
