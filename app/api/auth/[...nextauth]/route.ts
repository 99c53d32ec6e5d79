import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";
import { LOGIN_PER_ACCOUNT, LOGIN_PER_IP, blockedFor, clientAddress } from "@/lib/data/rate-limit";

type Context = { params: Promise<{ nextauth: string[] }> };

/** A 429 for sign-ins from a blocked account or address, checked before next-auth runs. */
async function throttled(request: NextRequest): Promise<Response | null> {
  if (request.method !== "POST" || !request.nextUrl.pathname.endsWith("/callback/credentials")) return null;
  const form = await request.clone().formData().catch(() => null);
  const email = String(form?.get("email") ?? "").trim().toLowerCase();
  const wait = Math.max(
    await blockedFor(`login:account:${email}`, LOGIN_PER_ACCOUNT),
    await blockedFor(`login:ip:${clientAddress(request.headers)}`, LOGIN_PER_IP),
  );
  if (wait === 0) return null;
  const minutes = Math.ceil(wait / 60_000);
  // next-auth's signIn() reads `url` (and its ?error=) from the JSON answer.
  return Response.json(
    { url: `${request.nextUrl.origin}/login?error=RateLimited`, error: { code: "rate_limited", message: `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.` } },
    { status: 429, headers: { "retry-after": String(Math.ceil(wait / 1000)) } },
  );
}

// Options are built per request so that the session secret is read at run time only.
async function handler(request: NextRequest, context: Context): Promise<Response> {
  return (await throttled(request)) ?? ((await NextAuth(request, context, getAuthOptions())) as Response);
}

export { handler as GET, handler as POST };
