import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";

import { getAuthOptions } from "@/lib/auth/options";
import { rateLimitedWait } from "@/lib/auth/retry";
import { POST as authRoute } from "@/app/api/auth/[...nextauth]/route";
import { DEVICE_COOKIE, newDeviceCookie, trustedDevice } from "@/lib/auth/device";
import { GET as listRoute } from "@/app/api/v1/articles/route";
import { LOGIN_PER_ACCOUNT, LOGIN_PER_IP, blockedFor, signInKeys } from "@/lib/data/rate-limit";
import { makePerson, type Person } from "@/tests/support/people";

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;

let person: Person;
let authorize: Authorize;
beforeAll(async () => {
  person = await makePerson("editor");
  const provider = getAuthOptions().providers[0] as unknown as { options: { authorize: Authorize } };
  authorize = provider.options.authorize;
});

function signInRequest(email: string, ip: string) {
  return new NextRequest("http://localhost/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip },
    body: new URLSearchParams({ email, password: "whatever", csrfToken: "x", json: "true" }),
  });
}
const ctx = { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) };

describe("sign-in throttling", () => {
  it("blocks an account at one address after 5 failures, with a 429 that says how long", async () => {
    for (let i = 0; i < 5; i++) {
      expect(await authorize({ email: person.email, password: "wrong" }, { headers: { "x-forwarded-for": "10.0.0.1" } })).toBeNull();
    }
    const res = await authRoute(signInRequest(person.email, "10.0.0.1"), ctx);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(800);
    const body = (await res.json()) as { url: string; error: { code: string; message: string } };
    expect(body.error).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/^Too many failed sign-ins\. Try again in 1[45] minutes\.$/) });
    // next-auth's signIn() passes on only ?error=, so it carries the wait for the sign-in page.
    const error = new URL(body.url).searchParams.get("error");
    expect(rateLimitedWait(error)).toBe(Number(res.headers.get("retry-after")) * 1000);
    // Someone who knows the email cannot lock its owner out from everywhere on their own.
    for (const { key, limit } of signInKeys(person.email, "10.0.0.2")) expect(await blockedFor(key, limit)).toBe(0);
    expect(await authorize({ email: person.email, password: "correct horse battery" }, { headers: { "x-forwarded-for": "10.0.0.2" } })).toMatchObject({
      id: person.actor.id,
    });
  });

  it("blocks an account from every address after 20 failures from four", async () => {
    const target = await makePerson("editor");
    for (let a = 1; a <= 4; a++) {
      for (let i = 0; i < 5; i++) await authorize({ email: target.email, password: "wrong" }, { headers: { "x-forwarded-for": `10.1.0.${a}` } });
    }
    expect(await blockedFor(`login:account:${target.email}`, LOGIN_PER_ACCOUNT)).toBeGreaterThan(0);
    expect((await authRoute(signInRequest(target.email, "10.1.0.99"), ctx)).status).toBe(429);
  });

  it("blocks an address after 30 failures across accounts, and a success clears the account count", async () => {
    const other = await makePerson("reviewer");
    await authorize({ email: other.email, password: "wrong" }, { headers: { "x-forwarded-for": "192.0.2.50" } });
    expect(await authorize({ email: other.email, password: "correct horse battery" }, { headers: { "x-forwarded-for": "192.0.2.50" } })).toMatchObject({
      id: other.actor.id,
    });
    for (let i = 0; i < 30; i++) await authorize({ email: `nobody${i}@test.example`, password: "x" }, { headers: { "x-forwarded-for": "192.0.2.77" } });
    expect((await authRoute(signInRequest(other.email, "192.0.2.77"), ctx)).status).toBe(429);
    // The account itself is not blocked: its failure count was cleared by the success.
    expect(await blockedFor(`login:account:${other.email}`, LOGIN_PER_ACCOUNT)).toBe(0);
    expect(await blockedFor("login:ip:192.0.2.77", LOGIN_PER_IP)).toBeGreaterThan(0);
  });
});

/** A sign-in attempt through the route from a browser holding this device cookie ("" for none). */
function signInFromDevice(email: string, ip: string, device: string) {
  const request = signInRequest(email, ip);
  request.cookies.set(DEVICE_COOKIE, device);
  return authRoute(request, ctx);
}

// The cookie's issue on a real sign-in, and the sign-in page while the account is locked,
// are in e2e/auth/roles.spec.ts: next-auth's route needs a Next.js request around it.
describe("known devices", () => {
  it("a browser that signed in before is counted on its own, so it gets in while the account is locked everywhere else", async () => {
    const owner = await makePerson("editor");
    const device = newDeviceCookie(owner.email);
    expect(device).toMatch(/^v1\.[\w-]{22}\.[\w-]{43}$/);
    expect(device).not.toContain(owner.email.split("@")[0]);
    expect(trustedDevice(device, owner.email)).not.toBeNull();

    // Someone locks the account from four addresses.
    for (let a = 1; a <= 4; a++) {
      for (let i = 0; i < 5; i++) await authorize({ email: owner.email, password: "wrong" }, { headers: { "x-forwarded-for": `10.3.0.${a}` } });
    }
    expect((await authRoute(signInRequest(owner.email, "10.2.0.9"), ctx)).status).toBe(429);
    // The owner's browser, from any address: none of its counters is blocked, and the password works.
    for (const { key, limit } of signInKeys(owner.email, "10.3.0.1", trustedDevice(device, owner.email))) expect(await blockedFor(key, limit)).toBe(0);
    const headers = { "x-forwarded-for": "10.3.0.1", cookie: `other=1; ${DEVICE_COOKIE}=${device}` };
    expect(await authorize({ email: owner.email, password: "correct horse battery" }, { headers })).toMatchObject({ id: owner.actor.id });

    // Its cookie is no key to another account, and a forged one is no cookie at all.
    const other = await makePerson("editor");
    for (let a = 1; a <= 4; a++) {
      for (let i = 0; i < 5; i++) await authorize({ email: other.email, password: "wrong" }, { headers: { "x-forwarded-for": `10.4.0.${a}` } });
    }
    expect(trustedDevice(device, other.email)).toBeNull();
    expect((await signInFromDevice(other.email, "10.2.0.9", device)).status).toBe(429);
    const forged = device.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect(trustedDevice(forged, owner.email)).toBeNull();
    expect((await signInFromDevice(owner.email, "10.2.0.9", forged)).status).toBe(429);
  });

  it("a known device is limited too: 5 failures in 15 minutes, which block it alone", async () => {
    const owner = await makePerson("editor");
    const device = newDeviceCookie(owner.email);
    const headers = { "x-forwarded-for": "10.5.0.1", cookie: `${DEVICE_COOKIE}=${device}` };
    for (let i = 0; i < 5; i++) expect(await authorize({ email: owner.email, password: "wrong" }, { headers })).toBeNull();
    const refused = await signInFromDevice(owner.email, "10.5.0.1", device);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/^Too many failed sign-ins\. Try again in 1[45] minutes\.$/);
    // Its failures were its own: the account is not blocked for other browsers, nor the address.
    for (const { key, limit } of signInKeys(owner.email, "10.5.0.1")) expect(await blockedFor(key, limit)).toBe(0);
  });
});

describe("API token throttling", () => {
  it("answers 429 with Retry-After after 20 bad tokens from one address, while good tokens keep working", async () => {
    const call = (token: string, ip: string) =>
      listRoute(new Request("http://localhost/api/v1/articles", { headers: { authorization: `Bearer ${token}`, "x-forwarded-for": ip } }), {
        params: Promise.resolve({}),
      });
    for (let i = 0; i < 20; i++) expect((await call(`ct_guess${i}`, "198.51.100.7")).status).toBe(401);
    const blocked = await call("ct_guess20", "198.51.100.7");
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await blocked.json()).toMatchObject({ error: { code: "rate_limited" } });
    // A colleague's valid token from the same address (an office NAT) is not locked out.
    expect((await call(person.token, "198.51.100.7")).status).toBe(200);
    expect((await call(person.token, "198.51.100.8")).status).toBe(200);
  });
});
