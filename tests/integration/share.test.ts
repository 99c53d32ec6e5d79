import { beforeAll, describe, expect, it, vi } from "vitest";
import { actAs, cookieStore } from "@/tests/support/request-context";

vi.mock("next/headers", () => ({ cookies: async () => cookieStore }));

import { db } from "@/lib/db";
import { importArticle } from "@/lib/data/articles";
import { updateClaim } from "@/lib/data/claims";
import { addSourceToClaim } from "@/lib/data/sources";
import { setClaimVerdict } from "@/lib/data/review-verdicts";
import { transitionArticle } from "@/lib/data/review";
import { createShareLink, getSharedReport, hashShareToken, listShareLinks, revokeShareLink } from "@/lib/data/share";
import { POST as createRoute, GET as listRoute } from "@/app/api/v1/articles/[articleId]/share-links/route";
import { DELETE as revokeRoute } from "@/app/api/v1/share-links/[linkId]/route";
import { createShareLinkAction, revokeShareLinkAction } from "@/app/(app)/articles/[articleId]/report/actions";
import { SAMPLE_TEXT, makeTeam, type Person } from "@/tests/support/people";

let team: { admin: Person; editor: Person; reviewer: Person };
beforeAll(async () => {
  team = await makeTeam();
});

async function annotatedArticle() {
  const article = await importArticle(team.editor.actor, { title: "Shared", text: SAMPLE_TEXT });
  const claim = article.claims[1]!;
  await updateClaim(team.editor.actor, claim.id, {
    tag: "attributed",
    speaker: "Military forces",
    cue: "called on",
    note: "Ask the desk chief",
    version: 1,
  });
  await addSourceToClaim(team.editor.actor, claim.id, {
    url: "https://example.org/statement",
    relation: "origin",
    quote: "withdraw",
  });
  await transitionArticle(team.editor.actor, article.id, { action: "submit" });
  await setClaimVerdict(team.reviewer.actor, claim.id, {
    verdict: "mostly_true",
    verdictRationale: "Close to the statement.",
    version: 2,
  });
  return article;
}

describe("share links", () => {
  it("an editor creates a link; only its hash is stored; anyone with it reads the report", async () => {
    const article = await annotatedArticle();
    const { token, path, link } = await createShareLink(team.editor.actor, article.id, { expiresInDays: 7 });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(path).toBe(`/share/${token}`);
    expect(link).toMatchObject({ status: "active", createdBy: team.editor.actor.name });
    expect(new Date(link.expiresAt!).getTime()).toBeGreaterThan(Date.now() + 6.9 * 86_400_000);
    const row = await db.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.tokenHash).toBe(hashShareToken(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const shared = await getSharedReport(token);
    expect(shared.report.article.id).toBe(article.id);
    expect(shared.report.total).toBe(article.claims.length);
    const claim = shared.report.claims[1]!;
    expect(claim).toMatchObject({
      verdict: "mostly_true",
      verdictRationale: "Close to the statement.",
      speaker: "Military forces",
      verdictBy: null,
      taggedBy: null,
      note: null,
    });
    expect(shared.report.speakers.map((s) => s.name)).toEqual(["Military forces"]);
  });

  it("the shared page data carries no e-mail address and no staff names", async () => {
    const article = await annotatedArticle();
    const { token } = await createShareLink(team.editor.actor, article.id, {});
    const data = JSON.stringify(await getSharedReport(token));
    for (const p of [team.editor, team.reviewer, team.admin]) {
      expect(data).not.toContain(p.email);
      expect(data).not.toContain(p.actor.name);
    }
    expect(data).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    expect(data).not.toContain("Ask the desk chief");
  });

  it("expired, revoked and made-up links all answer not found", async () => {
    const article = await annotatedArticle();
    const expiring = await createShareLink(team.editor.actor, article.id, { expiresInDays: 1 });
    await db.shareLink.update({ where: { id: expiring.link.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(getSharedReport(expiring.token)).rejects.toMatchObject({ code: "not_found" });
    const revoked = await createShareLink(team.editor.actor, article.id, { expiresInDays: null });
    expect(revoked.link.expiresAt).toBeNull();
    await expect(getSharedReport(revoked.token)).resolves.toBeDefined();
    const after = await revokeShareLink(team.editor.actor, revoked.link.id);
    expect(after.status).toBe("revoked");
    await expect(getSharedReport(revoked.token)).rejects.toMatchObject({ code: "not_found" });
    await expect(getSharedReport("x".repeat(43))).rejects.toMatchObject({ code: "not_found" });
    await expect(getSharedReport("../../etc/passwd")).rejects.toMatchObject({ code: "not_found" });
    const links = await listShareLinks(team.editor.actor, article.id);
    expect(links.map((l) => l.status).sort()).toEqual(["expired", "revoked"]);
    expect(await db.auditEvent.count({ where: { articleId: article.id, entityType: "shareLink" } })).toBe(3);
  });

  it("reviewers cannot create or revoke links; bad expiries are 422", async () => {
    const article = await annotatedArticle();
    await expect(createShareLink(team.reviewer.actor, article.id, {})).rejects.toMatchObject({ code: "forbidden" });
    await expect(createShareLink(null, article.id, {})).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(createShareLink(team.editor.actor, article.id, { expiresInDays: 0 })).rejects.toMatchObject({
      code: "validation_failed",
    });
    await expect(createShareLink(team.editor.actor, article.id, { expiresInDays: 400 })).rejects.toMatchObject({
      code: "validation_failed",
    });
    await expect(createShareLink(team.editor.actor, "missing", {})).rejects.toMatchObject({ code: "not_found" });
    const { link } = await createShareLink(team.admin.actor, article.id, {});
    await expect(revokeShareLink(team.reviewer.actor, link.id)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("through the API and the server actions", async () => {
    const article = await annotatedArticle();
    const params = { params: Promise.resolve({ articleId: article.id }) };
    const headers = { authorization: `Bearer ${team.editor.token}`, "content-type": "application/json" };
    const created = await createRoute(
      new Request(`http://localhost/api/v1/articles/${article.id}/share-links`, {
        method: "POST",
        headers,
        body: JSON.stringify({ expiresInDays: 3 }),
      }),
      params,
    );
    expect(created.status).toBe(201);
    const body = (await created.json()) as { token: string; url: string; link: { id: string } };
    expect(body.url).toBe(`http://localhost/share/${body.token}`);
    const listed = (await (
      await listRoute(new Request(`http://localhost/api/v1/articles/${article.id}/share-links`, { headers }), params)
    ).json()) as { links: unknown[] };
    expect(JSON.stringify(listed)).not.toContain(body.token);
    const revoked = await revokeRoute(
      new Request(`http://localhost/api/v1/share-links/${body.link.id}`, { method: "DELETE", headers }),
      { params: Promise.resolve({ linkId: body.link.id }) },
    );
    expect(revoked.status).toBe(200);
    await expect(getSharedReport(body.token)).rejects.toMatchObject({ code: "not_found" });

    actAs(team.editor.cookie);
    const action = await createShareLinkAction(article.id, { expiresInDays: "14" });
    expect(action.ok).toBe(true);
    if (!action.ok) return;
    expect((await revokeShareLinkAction(action.value.link.id)).ok).toBe(true);
    actAs(team.reviewer.cookie);
    expect(await createShareLinkAction(article.id, {})).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });
});
