import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";
import { rateLimitedError, tryAgainIn } from "@/lib/auth/retry";
import { blockedFor, clientAddress, signInKeys } from "@/lib/data/rate-limit";
import { DEVICE_COOKIE, deviceSetCookie, newDeviceCookie, trustedDevice } from "@/lib/auth/device";

type Context = { params: Promise<{ nextauth: string[] }> };

const isSignIn = (request: NextRequest) => request.method === "POST" && request.nextUrl.pathname.endsWith("/callback/credentials");

/** The email a sign-in is for, normalised as lib/auth/options.ts does. */
async function signInEmail(request: NextRequest): Promise<string> {
  const form = await request.clone().formData().catch(() => null);
  return String(form?.get("email") ?? "").trim().toLowerCase();
}

/** A 429 for sign-ins from a blocked account, address or known device, checked before next-auth runs. */
async function throttled(request: NextRequest, email: string): Promise<Response | null> {
  const device = trustedDevice(request.cookies.get(DEVICE_COOKIE)?.value, email);
  let wait = 0;
  for (const { key, limit } of signInKeys(email, clientAddress(request.headers), device)) wait = Math.max(wait, await blockedFor(key, limit));
  if (wait === 0) return null;
  // next-auth's signIn() reads `url` (and its ?error=, which carries the wait) from the JSON answer.
  const url = new URL("/login", request.nextUrl.origin);
  url.searchParams.set("error", rateLimitedError(wait));
  return Response.json(
    { url: url.href, error: { code: "rate_limited", message: `Too many failed sign-ins. ${tryAgainIn(wait)}` } },
    { status: 429, headers: { "retry-after": String(Math.ceil(wait / 1000)) } },
  );
}

/** Whether next-auth's answer starts a session: it sets a session cookie with a value. */
function startsSession(response: Response): { secure: boolean } | null {
  const cookie = response.headers.getSetCookie().find((c) => /^(__Secure-)?next-auth\.session-token=[^;]/.test(c));
  return cookie ? { secure: cookie.startsWith("__Secure-") } : null;
}

// Options are built per request so that the session secret is read at run time only.
async function handler(request: NextRequest, context: Context): Promise<Response> {
  if (!isSignIn(request)) return (await NextAuth(request, context, getAuthOptions())) as Response;
  const email = await signInEmail(request);
  const refused = await throttled(request, email);
  if (refused) return refused;
  const response = (await NextAuth(request, context, getAuthOptions())) as Response;
  // Signed in: this browser is now a known device for the account (lib/auth/device.ts).
  const session = startsSession(response);
  if (!session || !email) return response;
  // A copy: a redirect's headers cannot be changed in place.
  const headers = new Headers(response.headers);
  headers.append("set-cookie", deviceSetCookie(newDeviceCookie(email), session.secure));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export { handler as GET, handler as POST };
