import "server-only";
import crypto from "node:crypto";
import { db, queryRows } from "@/lib/db";
import type { RateLimitRow } from "@/lib/data/rate-limit";
import { notFound, parseInput } from "@/lib/errors";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/data/audit";
import { createTokenSchema, type Role } from "@/lib/schemas/user";

const TOKEN_PREFIX = "ct_";

export type ApiTokenSummary = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const summary = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/**
 * Mints a personal API token for the actor (or, from the command line, for userId).
 * The secret is returned once; only its sha256 is stored.
 */
export async function createApiToken(
  maybeActor: Actor | null,
  input: unknown,
  userId?: string | null,
): Promise<{ token: string; summary: ApiTokenSummary }> {
  const actor = requirePermission(maybeActor, "tokens:own");
  const { name } = parseInput(createTokenSchema, input);
  const ownerId = userId === undefined ? actor.id : userId;
  if (ownerId === null) throw notFound("User");
  if (ownerId !== actor.id) requirePermission(actor, "users:manage");
  const token = `${TOKEN_PREFIX}${crypto.randomBytes(32).toString("base64url")}`;
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { userId: ownerId, name, tokenHash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) },
      select: summary,
    });
    await recordEvent(tx, actor, { action: "token.create", entityType: "apiToken", entityId: row.id, after: { name } });
    return row;
  });
  return { token, summary: created };
}

/** Lists the actor's own tokens, newest first. */
export async function listApiTokens(maybeActor: Actor | null): Promise<ApiTokenSummary[]> {
  const actor = requirePermission(maybeActor, "tokens:own");
  if (actor.id === null) return [];
  return db.apiToken.findMany({ where: { userId: actor.id }, select: summary, orderBy: { createdAt: "desc" } });
}

/** Revokes one of the actor's own tokens. */
export async function revokeApiToken(maybeActor: Actor | null, tokenId: string): Promise<void> {
  const actor = requirePermission(maybeActor, "tokens:own");
  await db.$transaction(async (tx) => {
    const row = await tx.apiToken.findFirst({ where: { id: tokenId, userId: actor.id ?? "" }, select: { id: true } });
    if (!row) throw notFound("Token");
    await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    await recordEvent(tx, actor, { action: "token.revoke", entityType: "apiToken", entityId: tokenId });
  });
}

/**
 * The actor behind a bearer token (null for an unknown, revoked or deactivated one),
 * together with the bad-token count stored under `limitKey`, in one query: every API
 * request asks both.
 */
export async function loadTokenActor(token: string, limitKey: string): Promise<{ actor: Actor | null; limit: RateLimitRow | null }> {
  const hash = token.startsWith(TOKEN_PREFIX) && token.length <= 200 ? hashToken(token) : "";
  // Plain SQL (lib/db.ts queryRows): this runs on every API request.
  const [row] = await queryRows<{
    count: number | null;
    windowStart: Date | null;
    id: string | null;
    revokedAt: Date | null;
    lastUsedAt: Date | null;
    userId: string | null;
    email: string;
    name: string;
    role: string;
    isActive: boolean | null;
  }>(
    db,
    `SELECT r."count", r."windowStart", t."id", t."revokedAt", t."lastUsedAt", u."id" AS "userId", u."email", u."name", u."role", u."isActive"
     FROM (SELECT 1 AS "one") q
     LEFT JOIN "RateLimit" r ON r."key" = ?
     LEFT JOIN "ApiToken" t ON t."tokenHash" = ?
     LEFT JOIN "User" u ON u."id" = t."userId"`,
    limitKey,
    hash,
  );
  const limit = row?.count != null && row.windowStart ? { count: row.count, windowStart: row.windowStart } : null;
  if (!row?.id || !row.userId || row.revokedAt || !row.isActive) return { actor: null, limit };
  // Record use at most once a minute, so reads do not each cost a write.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { actor: { id: row.userId, email: row.email, name: row.name, role: row.role as Role }, limit };
}
