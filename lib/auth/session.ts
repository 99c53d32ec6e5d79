import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import { getSessionSecret } from "@/lib/env";
import { loadSessionActor } from "@/lib/data/users";
import { loadTokenActor } from "@/lib/data/tokens";
import { type Actor, type Permission, requirePermission } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { tryAgainIn } from "@/lib/auth/retry";
import { BAD_TOKENS_PER_IP, clientAddress, countEvent, waitFor } from "@/lib/data/rate-limit";
import { readCookie } from "@/lib/http/cookies";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

type SessionClaims = { sub: string; epoch: number; expiresAt: number };

/**
 * Decrypted session cookies, by cookie value: decrypting one takes two trips through
 * Node's thread pool (key derivation, then AES-GCM), and under load every trip waits
 * for a turn of the event loop behind all the other requests. This is a memo of
 * a pure function, not shared state: any instance gets the same answer from the same
 * cookie. Whether the session still holds (deactivation, sign-out everywhere, password
 * change) is checked in the database on every request all the same, by loadSessionActor.
 */
const decrypted = new Map<string, SessionClaims>();
const MAX_DECRYPTED = 10_000;

async function sessionClaims(value: string): Promise<SessionClaims | null> {
  const known = decrypted.get(value);
  if (known && known.expiresAt > Date.now()) return known;
  decrypted.delete(value);
  const token = await decode({ token: value, secret: getSessionSecret() }).catch(() => null);
  if (!token?.sub || typeof token.epoch !== "number" || typeof token.exp !== "number") return null;
  if (decrypted.size >= MAX_DECRYPTED) decrypted.delete(decrypted.keys().next().value!);
  const claims = { sub: token.sub, epoch: token.epoch, expiresAt: token.exp * 1000 };
  decrypted.set(value, claims);
  return claims;
}

/** The actor for a next-auth session cookie value, or null when it is invalid or ended. */
export async function actorFromSessionToken(value: string | undefined): Promise<Actor | null> {
  if (!value) return null;
  const claims = await sessionClaims(value);
  return claims ? loadSessionActor(claims.sub, claims.epoch) : null;
}

/** The signed-in actor of the current server component or server action, or null. */
export async function getActor(): Promise<Actor | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const value = jar.get(name)?.value;
    if (value) return actorFromSessionToken(value);
  }
  return null;
}

/**
 * getActor once per page render: the layout and the page both ask, and each answer costs a
 * session decryption and a query. (React's cache lasts one request; server actions call
 * getActor itself, so an action that ends a session sees it at once.)
 */
export const getPageActor = cache(getActor);

/** For pages: the actor, redirecting to the login page when signed out. */
export async function requirePageActor(permission: Permission, returnTo: string): Promise<Actor> {
  const actor = await getPageActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  try {
    return requirePermission(actor, permission);
  } catch (err) {
    if (err instanceof AppError && err.code === "forbidden") redirect("/forbidden");
    throw err;
  }
}

/** The actor of an API request: a bearer token when one is sent, otherwise the session cookie. */
export async function getRequestActor(request: Request): Promise<Actor | null> {
  const auth = request.headers.get("authorization");
  if (auth !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!match) throw new AppError("unauthenticated", "The Authorization header must be 'Bearer <token>'");
    // Bad tokens are counted per address and, past the limit, answered 429. A valid token
    // still works from a blocked address: tokens carry 256 random bits, so the limit is
    // there to stop noise, not guessing, and one broken script behind an office's NAT
    // must not lock out the whole desk.
    const key = `token:ip:${clientAddress(request.headers)}`;
    const { actor, limit } = await loadTokenActor(match[1]!, key);
    if (actor) return actor;
    const wait = waitFor(limit, BAD_TOKENS_PER_IP);
    if (wait > 0) {
      throw new AppError("rate_limited", `Too many requests with bad API tokens. ${tryAgainIn(wait)}`, {
        details: { retryAfterSeconds: Math.ceil(wait / 1000) },
      });
    }
    await countEvent(key, BAD_TOKENS_PER_IP);
    throw new AppError("unauthenticated", "The API token is unknown, revoked, or its user is deactivated");
  }
  const cookie = request.headers.get("cookie");
  for (const name of SESSION_COOKIES) {
    const value = readCookie(cookie, name);
    if (value) return actorFromSessionToken(value);
  }
  return null;
}
