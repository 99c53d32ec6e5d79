import "server-only";
import { db, queryRows } from "@/lib/db";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/data/audit";
import { changeRoleSchema, createUserSchema, loginSchema, setActiveSchema, type Role } from "@/lib/schemas/user";

export type UserSummary = {
  id: string;
  email: string;
  name: string;
  role: Role;
  isActive: boolean;
  createdAt: Date;
};

const summary = { id: true, email: true, name: true, role: true, isActive: true, createdAt: true } as const;

/** Creates a user; admins only (the command line acts as an admin). */
export async function createUser(maybeActor: Actor | null, input: unknown): Promise<UserSummary> {
  const actor = requirePermission(maybeActor, "users:manage");
  const data = parseInput(createUserSchema, input);
  const existing = await db.user.findUnique({ where: { email: data.email }, select: { id: true } });
  if (existing) {
    throw new AppError("conflict", `A user with the email ${data.email} already exists`, {
      fields: { email: ["This email is already in use"] },
    });
  }
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: data.email, name: data.name, role: data.role, passwordHash },
      select: summary,
    });
    await recordEvent(tx, actor, {
      action: "user.create",
      entityType: "user",
      entityId: user.id,
      after: { email: user.email, role: user.role },
    });
    return user as UserSummary;
  });
}

/** Lists every user for the admin page. */
export async function listUsers(maybeActor: Actor | null): Promise<UserSummary[]> {
  requirePermission(maybeActor, "users:manage");
  const users = await db.user.findMany({ select: summary, orderBy: { email: "asc" } });
  return users as UserSummary[];
}

/** Changes a user's role; an admin cannot demote themselves (so one admin always remains). */
export async function changeUserRole(maybeActor: Actor | null, input: unknown): Promise<UserSummary> {
  const actor = requirePermission(maybeActor, "users:manage");
  const { userId, role } = parseInput(changeRoleSchema, input);
  if (userId === actor.id && role !== "admin") {
    throw new AppError("forbidden", "You cannot remove your own admin role");
  }
  return updateUser(actor, userId, "user.role", (before) => ({
    data: { role, sessionEpoch: { increment: 1 } },
    changed: { role: [before.role, role] },
  }));
}

/** Activates or deactivates a user; deactivation ends their sessions at once. */
export async function setUserActive(maybeActor: Actor | null, input: unknown): Promise<UserSummary> {
  const actor = requirePermission(maybeActor, "users:manage");
  const { userId, isActive } = parseInput(setActiveSchema, input);
  if (userId === actor.id && !isActive) throw new AppError("forbidden", "You cannot deactivate yourself");
  return updateUser(actor, userId, isActive ? "user.activate" : "user.deactivate", (before) => ({
    data: { isActive, sessionEpoch: { increment: 1 } },
    changed: { isActive: [before.isActive, isActive] },
  }));
}

async function updateUser(
  actor: Actor,
  userId: string,
  action: string,
  change: (before: UserSummary) => { data: { role?: Role; isActive?: boolean; sessionEpoch: { increment: number } }; changed: object },
): Promise<UserSummary> {
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: summary });
    if (!before) throw notFound("User");
    const { data, changed } = change(before as UserSummary);
    const after = await tx.user.update({ where: { id: userId }, data, select: summary });
    await recordEvent(tx, actor, { action, entityType: "user", entityId: userId, after: changed });
    return after as UserSummary;
  });
}

/** The account to sign in, or null when the email and password do not match an active user. */
export async function authenticate(input: unknown): Promise<{ id: string; sessionEpoch: number } | null> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, passwordHash: true, isActive: true, sessionEpoch: true },
  });
  if (!user) {
    await verifyAgainstDummy(parsed.data.password);
    return null;
  }
  const ok = await verifyPassword(user.passwordHash, parsed.data.password);
  if (!ok || !user.isActive) return null;
  return { id: user.id, sessionEpoch: user.sessionEpoch };
}

/** The actor for a session, or null when the user is gone, deactivated or the session was ended. */
export async function loadSessionActor(userId: string, sessionEpoch: number): Promise<Actor | null> {
  // Plain SQL (lib/db.ts queryRows): this runs on every signed-in request.
  const [user] = await queryRows<{ id: string; email: string; name: string; role: string; isActive: boolean; sessionEpoch: number }>(
    db,
    `SELECT "id", "email", "name", "role", "isActive", "sessionEpoch" FROM "User" WHERE "id" = ?`,
    userId,
  );
  if (!user || !user.isActive || user.sessionEpoch !== sessionEpoch) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role as Role };
}

/** Finds a user id by email for the command-line tools. */
export async function findUserIdByEmail(email: string): Promise<string | null> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  return user?.id ?? null;
}
