import "server-only";
import crypto from "node:crypto";
import { getSessionSecret } from "@/lib/env";

// Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a
// browser that has signed in to an account gets a signed cookie naming that account. Its
// later sign-ins to the account are counted on the cookie alone, so failures from other
// browsers, which may lock the account for everyone else, never lock out the people who
// use it. The cookie holds a random nonce and an HMAC of the account's email with it, not
// the email; it goes only to the sign-in routes (Path=/api/auth) and not to scripts.

export const DEVICE_COOKIE = "claimtrack-device";
/** A year: how long a browser stays known to an account without signing in again. */
const DEVICE_MAX_AGE = 365 * 24 * 60 * 60;

const signature = (email: string, nonce: string) =>
  crypto.createHmac("sha256", getSessionSecret()).update(`device:v1:${email}:${nonce}`).digest("base64url");

/** A new device cookie's value for an account (email as normalised for sign-in). */
export function newDeviceCookie(email: string): string {
  const nonce = crypto.randomBytes(16).toString("base64url");
  return `v1.${nonce}.${signature(email, nonce)}`;
}

/** The device's nonce when the cookie was issued to this account by this server; null otherwise. */
export function trustedDevice(value: string | null | undefined, email: string): string | null {
  const [version, nonce, mac] = (value ?? "").split(".");
  if (version !== "v1" || !nonce || !mac || !email) return null;
  const expected = Buffer.from(signature(email, nonce));
  const given = Buffer.from(mac);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? nonce : null;
}

/** The Set-Cookie header that gives a browser its device cookie; Secure when the session cookie is. */
export function deviceSetCookie(value: string, secure: boolean): string {
  return `${DEVICE_COOKIE}=${value}; Path=/api/auth; Max-Age=${DEVICE_MAX_AGE}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}
