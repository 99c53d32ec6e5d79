import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getSessionSecret } from "@/lib/env";
import { authenticate } from "@/lib/data/users";
import { clearEvents, clientAddress, countEvent, signInKeys } from "@/lib/data/rate-limit";
import { DEVICE_COOKIE, trustedDevice } from "@/lib/auth/device";
import { readCookie } from "@/lib/http/cookies";
import { log } from "@/lib/log";

/** Sessions last 12 hours: a working shift. */
export const SESSION_MAX_AGE = 12 * 60 * 60;

/**
 * next-auth configuration. Sessions are JWTs in an http-only cookie, so any instance can
 * read them; each request then re-checks the user in the database (lib/auth/session.ts),
 * which is how deactivation and role changes take effect at once. Built on demand, so
 * that `next build` never needs the secret.
 */
export function getAuthOptions(): NextAuthOptions {
  return {
  secret: getSessionSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        // The route (app/api/auth/[...nextauth]/route.ts) refuses blocked accounts and
        // addresses with a 429 before this runs; here failures are counted.
        const user = await authenticate(credentials);
        const email = String(credentials?.email ?? "").trim().toLowerCase();
        const ip = clientAddress(req.headers ?? {});
        const cookie = (req.headers as Record<string, unknown> | undefined)?.cookie;
        const device = trustedDevice(readCookie(typeof cookie === "string" ? cookie : null, DEVICE_COOKIE), email);
        const keys = signInKeys(email, ip, device);
        if (!user) {
          for (const { key, limit } of keys) await countEvent(key, limit);
          log.info({ email, ip, knownDevice: device !== null }, "sign-in failed");
          return null;
        }
        for (const { key, isAccount } of keys) if (isAccount) await clearEvents(key);
        log.info({ userId: user.id, ip, knownDevice: device !== null }, "signed in");
        return { id: user.id, epoch: user.sessionEpoch };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.epoch = (user as { epoch?: number }).epoch ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub };
    },
  },
  };
}
