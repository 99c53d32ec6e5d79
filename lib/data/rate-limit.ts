import "server-only";
import { db, queryRows } from "@/lib/db";

export type Limit = { limit: number; windowMs: number };

/**
 * Failed sign-ins allowed in 15 minutes: per account from one address, per account from
 * all addresses, and per address. Once one address is blocked for an account its tries
 * stop counting, so locking someone out from everywhere takes four addresses, not one
 * colleague who knows their email; guessing a password stays slow either way.
 * A browser that has signed in to the account before (a device cookie, lib/auth/device.ts)
 * is counted on its own instead, so even then its owner still gets in.
 */
export const LOGIN_PER_ACCOUNT_ADDRESS: Limit = { limit: 5, windowMs: 15 * 60_000 };
export const LOGIN_PER_ACCOUNT: Limit = { limit: 20, windowMs: 15 * 60_000 };
export const LOGIN_PER_IP: Limit = { limit: 30, windowMs: 15 * 60_000 };
export const LOGIN_PER_DEVICE: Limit = { limit: 5, windowMs: 15 * 60_000 };

/** A counter a failed sign-in adds to; the account's own ones start again after a sign-in succeeds. */
export type SignInKey = { key: string; limit: Limit; isAccount: boolean };

/**
 * The counters a failed sign-in adds to, each with its limit: the known device's alone
 * when `device` (its nonce) is given, else the account's and the address's.
 */
export function signInKeys(email: string, address: string, device: string | null = null): SignInKey[] {
  if (device) return [{ key: `login:device:${device}`, limit: LOGIN_PER_DEVICE, isAccount: true }];
  return [
    { key: `login:account:${email}:ip:${address}`, limit: LOGIN_PER_ACCOUNT_ADDRESS, isAccount: true },
    { key: `login:account:${email}`, limit: LOGIN_PER_ACCOUNT, isAccount: true },
    // The address's own count stays after a success: it may be guessing other accounts.
    { key: `login:ip:${address}`, limit: LOGIN_PER_IP, isAccount: false },
  ];
}
/** Unknown or revoked API tokens allowed per client address in 15 minutes. */
export const BAD_TOKENS_PER_IP: Limit = { limit: 20, windowMs: 15 * 60_000 };

/** A key's count in its current window, as stored. */
export type RateLimitRow = { count: number; windowStart: Date };

/** How long until the key may try again, in ms; 0 when it is not blocked. */
export async function blockedFor(key: string, limit: Limit, now = new Date()): Promise<number> {
  // Plain SQL (lib/db.ts queryRows): sign-ins ask on every attempt.
  const [row] = await queryRows<RateLimitRow>(db, `SELECT "count", "windowStart" FROM "RateLimit" WHERE "key" = ?`, key);
  return waitFor(row ?? null, limit, now);
}

/** The wait, in ms, that a key's stored count imposes now; 0 when it is not blocked. */
export function waitFor(row: RateLimitRow | null, { limit, windowMs }: Limit, now = new Date()): number {
  if (!row) return 0;
  const ends = row.windowStart.getTime() + windowMs;
  return row.count >= limit && ends > now.getTime() ? ends - now.getTime() : 0;
}

/** Counts one event against the key, starting a new window when the old one has ended. */
export async function countEvent(key: string, { windowMs }: Limit, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.rateLimit.findUnique({ where: { key } });
    if (row && row.windowStart.getTime() + windowMs > now.getTime()) {
      await tx.rateLimit.update({ where: { key }, data: { count: { increment: 1 } } });
    } else {
      await tx.rateLimit.upsert({ where: { key }, create: { key, count: 1, windowStart: now }, update: { count: 1, windowStart: now } });
    }
  });
}

/** Forgets every failed sign-in counted against an account, from any address (a new password was set for it). */
export async function clearAccountEvents(email: string): Promise<void> {
  const account = `login:account:${email}`;
  await db.rateLimit.deleteMany({ where: { OR: [{ key: account }, { key: { startsWith: `${account}:ip:` } }] } });
}

/** Forgets a key's count (after a successful sign-in). */
export async function clearEvents(key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}

/**
 * The client's address: the last X-Forwarded-For entry. Every `next start` process sets
 * the header to the connection's own address (scripts/client-address.mjs), or keeps the
 * reverse proxy's value when CLAIMTRACK_TRUST_PROXY=1 (README, "Deploying").
 */
export function clientAddress(headers: Headers | Record<string, unknown>): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : typeof raw === "string" ? raw : "";
  const last = value.split(",").map((s) => s.trim()).filter(Boolean).pop();
  return last ?? "unknown";
}
