import "server-only";
import { db, queryRows } from "@/lib/db";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/data/audit";
import { changePasswordSchema, changeRoleSchema, createUserSchema, loginSchema, setActiveSchema, setPasswordSchema, type Role } from "@/lib/schemas/user";
import { blockedFor, clearAccountEvents, clearEvents, countEvent } from "@/lib/data/rate-limit";
import { tryAgainIn } from "@/lib/auth/retry";

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

/**
 * Changes the actor's own password, given the current one. Wrong current passwords are
 * limited per user (5 in 15 minutes), so a session left open is no way to guess it
 * faster. They are counted apart from sign-ins: someone locking the account from
 * elsewhere must not stop its owner, signed in, from changing the password under attack.
 * Every session of the user ends, this one too (sessionEpoch): they sign in again with
 * the new password. API tokens stay.
 */
export async function changeOwnPassword(maybeActor: Actor | null, input: unknown): Promise<void> {
  const actor = requirePermission(maybeActor, "tokens:own");
  if (!actor.id) throw new AppError("forbidden", "The command line has no password: use npm run user:create");
  const data = parseInput(changePasswordSchema, input);
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { email: true, passwordHash: true } });
  if (!user) throw notFound("User");
  const key = `password:user:${actor.id}`;
  const wait = await blockedFor(key, CURRENT_PASSWORD_TRIES);
  if (wait > 0) throw new AppError("rate_limited", `Too many wrong current passwords. ${tryAgainIn(wait)}`);
  if (!(await verifyPassword(user.passwordHash, data.currentPassword))) {
    await countEvent(key, CURRENT_PASSWORD_TRIES);
    throw new AppError("validation_failed", "The current password is wrong", { fields: { currentPassword: ["The current password is wrong"] } });
  }
  await storePassword(actor, actor.id, data.newPassword, "self");
  await clearEvents(key);
}

/** Wrong current passwords allowed per user in 15 minutes, when changing it. */
const CURRENT_PASSWORD_TRIES = { limit: 5, windowMs: 15 * 60_000 };

/** Sets another user's password (admins: a user who forgot theirs); their sessions end. */
export async function setUserPassword(maybeActor: Actor | null, input: unknown): Promise<UserSummary> {
  const actor = requirePermission(maybeActor, "users:manage");
  const { userId, newPassword } = parseInput(setPasswordSchema, input);
  if (userId === actor.id) throw new AppError("forbidden", "Change your own password in Settings, with your current one");
  const target = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!target) throw notFound("User");
  const user = await storePassword(actor, userId, newPassword, "admin");
  // A user locked out by failed sign-ins can use the new password at once.
  await clearAccountEvents(target.email);
  return user;
}

async function storePassword(actor: Actor, userId: string, password: string, by: "self" | "admin"): Promise<UserSummary> {
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionEpoch: { increment: 1 } }, select: summary });
    // Who changed it and how; never the hash.
    await recordEvent(tx, actor, { action: "user.password", entityType: "user", entityId: userId, after: { by } });
    return user as UserSummary;
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
