import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";
import { rateLimitedError, tryAgainIn } from "@/lib/auth/retry";
import { blockedFor, clientAddress, signInKeys } from "@/lib/data/rate-limit";

type Context = { params: Promise<{ nextauth: string[] }> };

/** A 429 for sign-ins from a blocked account or address, checked before next-auth runs. */
async function throttled(request: NextRequest): Promise<Response | null> {
  if (request.method !== "POST" || !request.nextUrl.pathname.endsWith("/callback/credentials")) return null;
  const form = await request.clone().formData().catch(() => null);
  const email = String(form?.get("email") ?? "").trim().toLowerCase();
  let wait = 0;
  for (const { key, limit } of signInKeys(email, clientAddress(request.headers))) wait = Math.max(wait, await blockedFor(key, limit));
  if (wait === 0) return null;
  // next-auth's signIn() reads `url` (and its ?error=, which carries the wait) from the JSON answer.
  const url = new URL("/login", request.nextUrl.origin);
  url.searchParams.set("error", rateLimitedError(wait));
  return Response.json(
    { url: url.href, error: { code: "rate_limited", message: `Too many failed sign-ins. ${tryAgainIn(wait)}` } },
    { status: 429, headers: { "retry-after": String(Math.ceil(wait / 1000)) } },
  );
}

// Options are built per request so that the session secret is read at run time only.
async function handler(request: NextRequest, context: Context): Promise<Response> {
  return (await throttled(request)) ?? ((await NextAuth(request, context, getAuthOptions())) as Response);
}

export { handler as GET, handler as POST };
