import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importArticle } from "@/lib/data/articles";
import { updateClaim } from "@/lib/data/claims";
import { listAuditEvents } from "@/lib/data/audit";
import { SAMPLE_TEXT, makeTeam, type Person } from "@/tests/support/people";

let team: { admin: Person; editor: Person; reviewer: Person };
beforeAll(async () => {
  team = await makeTeam();
});

describe("the audit log", () => {
  it("lists changes with who, before and after, for admins only", async () => {
    const article = await importArticle(team.editor.actor, { title: "Audited", text: SAMPLE_TEXT });
    await updateClaim(team.editor.actor, article.claims[0]!.id, { tag: "stated", note: "checked", version: 1 });
    const { events } = await listAuditEvents(team.admin.actor, { action: "claim." });
    const event = events.find((e) => e.entityId === article.claims[0]!.id)!;
    expect(event).toMatchObject({ action: "claim.update", actor: `${team.editor.actor.name} <${team.editor.email}>`, articleId: article.id });
    expect(JSON.parse(event.before!)).toEqual({ tag: null, note: null });
    expect(JSON.parse(event.after!)).toEqual({ tag: "stated", note: "checked" });
    expect((await listAuditEvents(team.admin.actor, { action: "CLAIM.Upd" })).events.map((e) => e.id)).toContain(event.id);
    // A LIKE wildcard is not an action prefix: "%" would have listed every event.
    await expect(listAuditEvents(team.admin.actor, { action: "%" })).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining("Action must be lower-case letters, dots and hyphens"),
    });
    await expect(listAuditEvents(team.editor.actor)).rejects.toMatchObject({ code: "forbidden" });
    await expect(listAuditEvents(team.reviewer.actor)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("cannot be changed or deleted, even with direct database access", async () => {
    // Database triggers refuse it (SQLite reports a trigger abort as a constraint error).
    const event = await db.auditEvent.findFirstOrThrow();
    const count = await db.auditEvent.count();
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { action: "forged" } })).rejects.toThrow(/append-only|constraint/i);
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only|constraint/i);
    await expect(db.article.deleteMany({})).rejects.toThrow(/append-only|constraint/i);
    expect((await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).action).toBe(event.action);
    expect(await db.auditEvent.count()).toBe(count);
  });
});
