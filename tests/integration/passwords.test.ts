import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticate, changeOwnPassword, loadSessionActor, setUserPassword } from "@/lib/data/users";
import { makeTeam, makePerson, type Person } from "@/tests/support/people";

// Changing one's own password (Settings) and an admin setting someone's (Users).

const OLD = "correct horse battery";
let team: { admin: Person; editor: Person; reviewer: Person };
beforeAll(async () => {
  team = await makeTeam();
});

describe("changing one's own password", () => {
  it("needs the current one, ends every session, and leaves a trace without the hash", async () => {
    const me = await makePerson("reviewer");
    await expect(changeOwnPassword(me.actor, { currentPassword: "not it", newPassword: "a brand new password" }, "10.9.0.1")).rejects.toMatchObject({
      code: "validation_failed",
      fields: { currentPassword: ["The current password is wrong"] },
    });
    await expect(changeOwnPassword(me.actor, { currentPassword: OLD, newPassword: "short" })).rejects.toMatchObject({
      fields: { newPassword: ["Password must be at least 10 characters"] },
    });
    await expect(changeOwnPassword(me.actor, { currentPassword: OLD, newPassword: OLD })).rejects.toMatchObject({
      fields: { newPassword: ["The new password must differ from the current one"] },
    });
    const before = await db.user.findUniqueOrThrow({ where: { id: me.actor.id! } });

    await changeOwnPassword(me.actor, { currentPassword: OLD, newPassword: "a brand new password" }, "10.9.0.1");
    expect(await authenticate({ email: me.email, password: OLD })).toBeNull();
    expect(await authenticate({ email: me.email, password: "a brand new password" })).toMatchObject({ id: me.actor.id, sessionEpoch: before.sessionEpoch + 1 });
    // The session the change was made in has ended with the others.
    expect(await loadSessionActor(me.actor.id!, before.sessionEpoch)).toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "user.password", entityId: me.actor.id! } });
    expect([event.actorId, JSON.parse(event.after!)]).toEqual([me.actor.id, { by: "self" }]);
    expect(`${event.before}${event.after}`).not.toContain("argon2");
  });

  it("counts a wrong current password as a failed sign-in, so an open session guesses no faster", async () => {
    const me = await makePerson("editor");
    for (let i = 0; i < 5; i++) {
      await expect(changeOwnPassword(me.actor, { currentPassword: `guess ${i}`, newPassword: "a brand new password" }, "10.9.0.2")).rejects.toMatchObject({
        code: "validation_failed",
      });
    }
    await expect(changeOwnPassword(me.actor, { currentPassword: OLD, newPassword: "a brand new password" }, "10.9.0.2")).rejects.toMatchObject({
      code: "rate_limited",
      status: 429,
      message: expect.stringMatching(/^Too many failed sign-ins\. Try again in 1[45] minutes\.$/),
    });
    expect(await authenticate({ email: me.email, password: OLD })).not.toBeNull();
  });
});

describe("an admin setting a user's password", () => {
  it("sets it and ends their sessions; others may not, nor may an admin set their own here", async () => {
    const forgetful = await makePerson("editor");
    await expect(setUserPassword(team.editor.actor, { userId: forgetful.actor.id, newPassword: "set by an editor" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(setUserPassword(team.admin.actor, { userId: team.admin.actor.id, newPassword: "my own new one" })).rejects.toMatchObject({
      code: "forbidden",
      message: "Change your own password in Settings, with your current one",
    });
    await expect(setUserPassword(team.admin.actor, { userId: "nobody", newPassword: "a temporary password" })).rejects.toMatchObject({ code: "not_found" });

    expect(await setUserPassword(team.admin.actor, { userId: forgetful.actor.id, newPassword: "a temporary password" })).toMatchObject({ email: forgetful.email });
    expect(await loadSessionActor(forgetful.actor.id!, 0)).toBeNull();
    expect(await authenticate({ email: forgetful.email, password: "a temporary password" })).toMatchObject({ id: forgetful.actor.id });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "user.password", entityId: forgetful.actor.id! } });
    expect([event.actorId, JSON.parse(event.after!)]).toEqual([team.admin.actor.id, { by: "admin" }]);
  });
});
