import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/schemas/user";

/** Who is acting: a signed-in user, an API token's owner, or the command line. */
export type Actor = {
  /** null for the command line, which acts as the system. */
  id: string | null;
  email: string;
  name: string;
  role: Role;
};

export const SYSTEM_ACTOR: Actor = { id: null, email: "system", name: "Command line", role: "admin" };

/**
 * What each role may do. Admins can do everything; editors import and annotate;
 * reviewers read everything and review but never change claims.
 */
const PERMISSIONS = {
  "articles:read": ["admin", "editor", "reviewer"],
  "articles:write": ["admin", "editor"],
  "claims:verdict": ["admin", "reviewer"],
  "review:decide": ["admin", "reviewer"],
  "comments:write": ["admin", "editor", "reviewer"],
  "users:manage": ["admin"],
  "audit:read": ["admin"],
  "tokens:own": ["admin", "editor", "reviewer"],
  "sources:read": ["admin", "editor", "reviewer"],
  "sources:write": ["admin", "editor"],
  // Rating a source or a publisher is a judgement reviewers make too; it changes no claim.
  "sources:rate": ["admin", "editor", "reviewer"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** True when the role grants the permission. */
export function can(actor: Pick<Actor, "role"> | null, permission: Permission): boolean {
  return actor !== null && (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

/** Throws 401 without an actor and 403 when the actor's role lacks the permission. */
export function requirePermission(actor: Actor | null, permission: Permission): Actor {
  if (!actor) throw new AppError("unauthenticated", "Sign in first");
  if (!can(actor, permission)) {
    throw new AppError("forbidden", `Your role (${actor.role}) is not allowed to do this`);
  }
  return actor;
}
