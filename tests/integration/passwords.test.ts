import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticate, changeOwnPassword, loadSessionActor, setUserPassword } from "@/lib/data/users";
import { LOGIN_PER_ACCOUNT, LOGIN_PER_ACCOUNT_ADDRESS, blockedFor, countEvent, signInKeys } from "@/lib/data/rate-limit";
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
    await expect(changeOwnPassword(me.actor, { currentPassword: "not it", newPassword: "a brand new password" })).rejects.toMatchObject({
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

    await changeOwnPassword(me.actor, { currentPassword: OLD, newPassword: "a brand new password" });
    expect(await authenticate({ email: me.email, password: OLD })).toBeNull();
    expect(await authenticate({ email: me.email, password: "a brand new password" })).toMatchObject({ id: me.actor.id, sessionEpoch: before.sessionEpoch + 1 });
    // The session the change was made in has ended with the others.
    expect(await loadSessionActor(me.actor.id!, before.sessionEpoch)).toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "user.password", entityId: me.actor.id! } });
    expect([event.actorId, JSON.parse(event.after!)]).toEqual([me.actor.id, { by: "self" }]);
    expect(`${event.before}${event.after}`).not.toContain("argon2");
  });

  it("limits guesses of the current password per user, apart from sign-ins, which cannot block it", async () => {
    const me = await makePerson("editor");
    for (let i = 0; i < 5; i++) {
      await expect(changeOwnPassword(me.actor, { currentPassword: `guess ${i}`, newPassword: "a brand new password" })).rejects.toMatchObject({
        code: "validation_failed",
      });
    }
    await expect(changeOwnPassword(me.actor, { currentPassword: OLD, newPassword: "a brand new password" })).rejects.toMatchObject({
      code: "rate_limited",
      status: 429,
      message: expect.stringMatching(/^Too many wrong current passwords\. Try again in 1[45] minutes\.$/),
    });
    // The guesses were not sign-ins: the account is not locked.
    for (const { key, limit } of signInKeys(me.email, "10.9.0.2")) expect(await blockedFor(key, limit)).toBe(0);

    // Someone else locks the account by failed sign-ins; its owner, signed in, still changes the password.
    const owner = await makePerson("reviewer");
    for (let i = 0; i < 20; i++) await countEvent(`login:account:${owner.email}`, LOGIN_PER_ACCOUNT);
    expect(await blockedFor(`login:account:${owner.email}`, LOGIN_PER_ACCOUNT)).toBeGreaterThan(0);
    await changeOwnPassword(owner.actor, { currentPassword: OLD, newPassword: "a brand new password" });
    expect(await authenticate({ email: owner.email, password: "a brand new password" })).not.toBeNull();
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

    // Locked out by their own failed sign-ins, they can use the new password at once.
    for (const { key, limit } of signInKeys(forgetful.email, "10.9.0.3")) for (let i = 0; i < 5; i++) await countEvent(key, limit);
    expect(await blockedFor(`login:account:${forgetful.email}:ip:10.9.0.3`, LOGIN_PER_ACCOUNT_ADDRESS)).toBeGreaterThan(0);
    expect(await setUserPassword(team.admin.actor, { userId: forgetful.actor.id, newPassword: "a temporary password" })).toMatchObject({ email: forgetful.email });
    for (const { key, limit, isAccount } of signInKeys(forgetful.email, "10.9.0.3")) if (isAccount) expect(await blockedFor(key, limit)).toBe(0);
    expect(await loadSessionActor(forgetful.actor.id!, 0)).toBeNull();
    expect(await authenticate({ email: forgetful.email, password: "a temporary password" })).toMatchObject({ id: forgetful.actor.id });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "user.password", entityId: forgetful.actor.id! } });
    expect([event.actorId, JSON.parse(event.after!)]).toEqual([team.admin.actor.id, { by: "admin" }]);
  });
});
