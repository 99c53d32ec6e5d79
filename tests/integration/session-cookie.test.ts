import { beforeAll, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { actorFromSessionToken } from "@/lib/auth/session";
import { changeUserRole, setUserActive } from "@/lib/data/users";
import { makePerson, type Person } from "@/tests/support/people";

// Session cookies are decrypted once per process and remembered (lib/auth/session.ts);
// whether the session still holds is asked of the database on every request regardless.

let admin: Person;
beforeAll(async () => {
  admin = await makePerson("admin");
});

const cookieValue = (person: Person) => person.cookie.slice(person.cookie.indexOf("=") + 1);

describe("session cookies", () => {
  it("give the same actor every time, until a role change ends the session", async () => {
    const editor = await makePerson("editor");
    expect(await actorFromSessionToken(cookieValue(editor))).toEqual(editor.actor);
    expect(await actorFromSessionToken(cookieValue(editor))).toEqual(editor.actor);
    await changeUserRole(admin.actor, { userId: editor.actor.id, role: "reviewer" });
    expect(await actorFromSessionToken(cookieValue(editor))).toBeNull();
  });

  it("stop working at once when the user is deactivated, although the cookie was decrypted before", async () => {
    const editor = await makePerson("editor");
    expect(await actorFromSessionToken(cookieValue(editor))).not.toBeNull();
    await setUserActive(admin.actor, { userId: editor.actor.id, isActive: false });
    expect(await actorFromSessionToken(cookieValue(editor))).toBeNull();
  });

  it("refuse a cookie from an older session epoch, a tampered cookie and an expired one", async () => {
    const editor = await makePerson("editor");
    const older = await encode({ token: { sub: editor.actor.id!, epoch: -1 }, secret: process.env.NEXTAUTH_SECRET! });
    expect(await actorFromSessionToken(older)).toBeNull();
    const value = cookieValue(editor);
    const tampered = value.slice(0, -4) + (value.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(await actorFromSessionToken(tampered)).toBeNull();
    const expired = await encode({ token: { sub: editor.actor.id!, epoch: 0 }, secret: process.env.NEXTAUTH_SECRET!, maxAge: -60 });
    expect(await actorFromSessionToken(expired)).toBeNull();
    expect(await actorFromSessionToken(value)).toEqual(editor.actor);
  });
});
