import { beforeAll, describe, expect, it, vi } from "vitest";
import { actAs, cookieStore } from "@/tests/support/request-context";

vi.mock("next/headers", () => ({ cookies: async () => cookieStore }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

import { db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/auth/roles";
import { importArticle } from "@/lib/data/articles";
import { setUserActive } from "@/lib/data/users";
import { createApiToken } from "@/lib/data/tokens";
import { importArticleAction } from "@/app/(app)/articles/new/actions";
import { addSourceAction, removeSourceAction, updateClaimAction } from "@/app/(app)/articles/[articleId]/actions";
import { createTokenAction, revokeTokenAction } from "@/app/(app)/settings/actions";
import { changeRoleAction, createUserAction, setActiveAction } from "@/app/(app)/admin/users/actions";
import { SAMPLE_TEXT, makePerson, makeTeam, type Person } from "@/tests/support/people";

type Who = "anonymous" | "reviewer" | "editor" | "admin" | "deactivated";
let people: Record<Exclude<Who, "anonymous">, Person>;

beforeAll(async () => {
  const team = await makeTeam();
  const deactivated = await makePerson("admin");
  await setUserActive(SYSTEM_ACTOR, { userId: deactivated.actor.id, isActive: false });
  people = { ...team, deactivated };
});

const cookieOf = (who: Who) => (who === "anonymous" ? "" : people[who].cookie);
const WHO: Who[] = ["anonymous", "deactivated", "reviewer", "editor", "admin"];

async function freshClaim() {
  const article = await importArticle(people.editor.actor, { title: "Action test", text: SAMPLE_TEXT });
  return article.claims[0]!;
}

/** The error code an action returned, or "ok". */
function outcome(result: { ok: boolean; error?: { code: string } }): string {
  return result.ok ? "ok" : result.error!.code;
}

const EDIT: Record<Who, string> = { anonymous: "unauthenticated", deactivated: "unauthenticated", reviewer: "forbidden", editor: "ok", admin: "ok" };
const ADMIN: Record<Who, string> = { anonymous: "unauthenticated", deactivated: "unauthenticated", reviewer: "forbidden", editor: "forbidden", admin: "ok" };
const ANY_USER: Record<Who, string> = { anonymous: "unauthenticated", deactivated: "unauthenticated", reviewer: "ok", editor: "ok", admin: "ok" };

describe.each(WHO)("server actions as %s", (who) => {
  it("updateClaimAction", async () => {
    const claim = await freshClaim();
    actAs(cookieOf(who));
    const result = await updateClaimAction(claim.id, { tag: "stated", version: 1 });
    expect(outcome(result)).toBe(EDIT[who]);
    const row = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(row.tag).toBe(EDIT[who] === "ok" ? "stated" : null);
  });

  it("addSourceAction and removeSourceAction", async () => {
    const claim = await freshClaim();
    actAs(cookieOf(who));
    const added = await addSourceAction(claim.id, { url: "https://example.org/a", relation: "supports" });
    expect(outcome(added)).toBe(EDIT[who]);
    expect(await db.claimSource.count({ where: { claimId: claim.id } })).toBe(EDIT[who] === "ok" ? 1 : 0);

    actAs(people.editor.cookie);
    const link = await addSourceAction(claim.id, { url: "https://example.org/b", relation: "context" });
    if (!link.ok) throw new Error(link.error.message);
    actAs(cookieOf(who));
    expect(outcome(await removeSourceAction(link.value.id))).toBe(EDIT[who]);
    expect(await db.claimSource.count({ where: { id: link.value.id } })).toBe(EDIT[who] === "ok" ? 0 : 1);
  });

  it("importArticleAction", async () => {
    actAs(cookieOf(who));
    const form = new FormData();
    const title = `Imported by ${who} ${Date.now()}`;
    form.set("title", title);
    form.set("text", "One claim. Another claim.");
    const run = importArticleAction({ message: null, fields: {}, values: {} }, form);
    if (EDIT[who] === "ok") {
      // Success redirects to the new article's page.
      await expect(run).rejects.toMatchObject({ digest: expect.stringMatching(/NEXT_REDIRECT;replace;\/articles\/c[a-z0-9]+;/) });
      expect(await db.article.count({ where: { title } })).toBe(1);
    } else {
      const state = await run;
      expect(state.message).toMatch(EDIT[who] === "forbidden" ? /not allowed/ : /Sign in/);
      expect(state.values.title).toBe(title);
      expect(await db.article.count({ where: { title } })).toBe(0);
    }
  });

  it("createTokenAction and revokeTokenAction", async () => {
    actAs(cookieOf(who));
    const created = await createTokenAction({ name: `token of ${who}` });
    expect(outcome(created)).toBe(ANY_USER[who]);
    if (created.ok) {
      expect(created.value).toMatch(/^ct_/);
      const row = await db.apiToken.findFirstOrThrow({ where: { name: `token of ${who}` } });
      expect(outcome(await revokeTokenAction(row.id))).toBe("ok");
      expect((await db.apiToken.findUniqueOrThrow({ where: { id: row.id } })).revokedAt).not.toBeNull();
    }
    // Nobody revokes someone else's token.
    const { summary: editorsToken } = await createApiToken(SYSTEM_ACTOR, { name: "the editor's" }, people.editor.actor.id);
    const revoke = await revokeTokenAction(editorsToken.id);
    expect(outcome(revoke)).toBe(who === "editor" ? "ok" : ANY_USER[who] === "ok" ? "not_found" : ANY_USER[who]);
  });

  it("createUserAction, changeRoleAction and setActiveAction", async () => {
    actAs(cookieOf(who));
    const email = `made-by-${who}-${Date.now()}@test.example`;
    const created = await createUserAction({ email, name: "New", role: "reviewer", password: "a long password" });
    expect(outcome(created)).toBe(ADMIN[who]);
    expect(await db.user.count({ where: { email } })).toBe(ADMIN[who] === "ok" ? 1 : 0);

    const target = await makePerson("reviewer");
    actAs(cookieOf(who));
    expect(outcome(await changeRoleAction({ userId: target.actor.id, role: "editor" }))).toBe(ADMIN[who]);
    expect(outcome(await setActiveAction({ userId: target.actor.id, isActive: false }))).toBe(ADMIN[who]);
    const row = await db.user.findUniqueOrThrow({ where: { id: target.actor.id! } });
    expect([row.role, row.isActive]).toEqual(ADMIN[who] === "ok" ? ["editor", false] : ["reviewer", true]);
  });
});

describe("server action input checks", () => {
  it("report field errors and conflicts", async () => {
    const claim = await freshClaim();
    actAs(people.editor.cookie);
    const bad = await updateClaimAction(claim.id, { tag: "gossip", version: 1 });
    expect(bad).toMatchObject({ ok: false, error: { code: "validation_failed", fields: { tag: [expect.stringMatching(/Unknown tag/)] } } });
    expect(outcome(await updateClaimAction(claim.id, { tag: "stated", version: 1 }))).toBe("ok");
    const stale = await updateClaimAction(claim.id, { tag: "disputed", version: 1 });
    expect(stale).toMatchObject({ ok: false, error: { code: "conflict", details: { claim: { tag: "stated", version: 2 } } } });
    const source = await addSourceAction(claim.id, { url: "file:///etc/passwd", relation: "origin" });
    expect(source).toMatchObject({ ok: false, error: { fields: { url: ["URL must be an http:// or https:// address"] } } });
  });

  it("an admin cannot demote or deactivate themselves", async () => {
    actAs(people.admin.cookie);
    expect(outcome(await changeRoleAction({ userId: people.admin.actor.id, role: "editor" }))).toBe("forbidden");
    expect(outcome(await setActiveAction({ userId: people.admin.actor.id, isActive: false }))).toBe("forbidden");
  });

  it("the import form reads pasted HTML markup as a page: one paragraph per block, not one claim across them", async () => {
    actAs(people.editor.cookie);
    const form = new FormData();
    form.set("title", "");
    form.set("text", "<html><head><title>Mayor defends budget</title></head><body><p>The mayor said taxes will rise.</p><p>Critics denied it.</p></body></html>");
    await expect(importArticleAction({ message: null, fields: {}, values: {} }, form)).rejects.toMatchObject({ digest: expect.stringMatching(/NEXT_REDIRECT/) });
    const article = await db.article.findFirstOrThrow({ where: { title: "Mayor defends budget" }, orderBy: { createdAt: "desc" }, include: { revisions: true, claims: true } });
    expect(article.revisions[0]!.text).toBe("The mayor said taxes will rise.\n\nCritics denied it.");
    expect(article.claims.map((c) => c.text).sort()).toEqual(["Critics denied it.", "The mayor said taxes will rise."]);
  });

  it("the import form keeps a sentence cut by a lone <br> in pasted HTML as one claim", async () => {
    actAs(people.editor.cookie);
    const form = new FormData();
    form.set("title", "Lone br in a sentence");
    form.set("text", "<p>The mayor said taxes will<br>rise next year.<br><br>Critics denied it.</p>");
    await expect(importArticleAction({ message: null, fields: {}, values: {} }, form)).rejects.toMatchObject({ digest: expect.stringMatching(/NEXT_REDIRECT/) });
    const article = await db.article.findFirstOrThrow({ where: { title: "Lone br in a sentence" }, include: { revisions: true, claims: true } });
    const text = article.revisions[0]!.text;
    expect(text).toBe("The mayor said taxes will rise next year.\n\nCritics denied it.");
    const claims = article.claims.sort((a, b) => a.start - b.start);
    expect(claims.map((c) => c.text)).toEqual(["The mayor said taxes will rise next year.", "Critics denied it."]);
    for (const c of claims) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it("the import form refuses pasted text together with a file", async () => {
    actAs(people.editor.cookie);
    const form = new FormData();
    form.set("title", "Both");
    form.set("text", "Pasted.");
    form.set("file", new File(["From a file."], "a.txt", { type: "text/plain" }));
    const state = await importArticleAction({ message: null, fields: {}, values: {} }, form);
    expect(state.fields.file).toEqual(["Clear the pasted text to upload a file, or remove the file"]);
  });
});
