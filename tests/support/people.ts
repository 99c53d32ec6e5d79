import { encode } from "next-auth/jwt";
import { SYSTEM_ACTOR, type Actor } from "@/lib/auth/roles";
import { createUser, loadSessionActor } from "@/lib/data/users";
import { createApiToken } from "@/lib/data/tokens";
import type { Role } from "@/lib/schemas/user";

export type Person = { actor: Actor; token: string; cookie: string; email: string };

let counter = 0;

/** Creates a real user of the role, with an API token and a signed session cookie. */
export async function makePerson(role: Role): Promise<Person> {
  counter += 1;
  const email = `${role}${counter}-${Date.now()}@test.example`;
  const user = await createUser(SYSTEM_ACTOR, { email, name: `${role} ${counter}`, role, password: "correct horse battery" });
  const actor = await loadSessionActor(user.id, 0);
  if (!actor) throw new Error("user was not created");
  const { token } = await createApiToken(SYSTEM_ACTOR, { name: "test" }, user.id);
  const jwt = await encode({ token: { sub: user.id, epoch: 0 }, secret: process.env.NEXTAUTH_SECRET! });
  return { actor, token, cookie: `next-auth.session-token=${jwt}`, email };
}

/** One person of each role. */
export async function makeTeam() {
  const [admin, editor, reviewer] = await Promise.all([makePerson("admin"), makePerson("editor"), makePerson("reviewer")]);
  return { admin, editor, reviewer };
}

export const SAMPLE_TEXT = `Ottawa treaty withdrawal
The military forces of Poland, Latvia, Estonia and Lithuania have called on their governments to withdraw from the Ottawa Treaty. The governments stated that a growing military threat from Russia makes this necessary.
Russia has repeatedly denied any aggressive intentions towards NATO.`;
