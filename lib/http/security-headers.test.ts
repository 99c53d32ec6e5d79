import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isCrossSiteWrite } from "./security-headers";

const req = (method: string, headers: Record<string, string>) => ({ method, headers: new Headers(headers) });

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce and forbids framing", () => {
    const csp = contentSecurityPolicy("abc123", { isDev: false, isHttps: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("n", { isDev: false, isHttps: true })).toContain("upgrade-insecure-requests");
  });
});

describe("isCrossSiteWrite", () => {
  it("lets reads and same-origin writes through", () => {
    expect(isCrossSiteWrite(req("GET", { origin: "https://evil.example", host: "claims.example" }), true)).toBe(false);
    expect(isCrossSiteWrite(req("POST", { origin: "https://claims.example", host: "claims.example" }), true)).toBe(false);
    expect(isCrossSiteWrite(req("POST", { "sec-fetch-site": "same-origin", host: "claims.example" }), true)).toBe(false);
  });

  it("refuses writes from another origin, opaque origins and cross-site fetch metadata", () => {
    expect(isCrossSiteWrite(req("POST", { origin: "https://evil.example", host: "claims.example" }), true)).toBe(true);
    expect(isCrossSiteWrite(req("PATCH", { origin: "null", host: "claims.example" }), false)).toBe(true);
    expect(isCrossSiteWrite(req("POST", { "sec-fetch-site": "cross-site", host: "claims.example" }), true)).toBe(true);
    expect(isCrossSiteWrite(req("POST", { origin: "http://claims.example:8080", host: "claims.example" }), true)).toBe(true);
  });

  it("uses the forwarded host behind a reverse proxy", () => {
    const r = req("POST", { origin: "https://claims.example", host: "127.0.0.1:3000", "x-forwarded-host": "claims.example" });
    expect(isCrossSiteWrite(r, true)).toBe(false);
  });

  it("exempts bearer-token requests and cookie-less scripts, not cookie-bearing ones without Origin", () => {
    expect(isCrossSiteWrite(req("POST", { authorization: "Bearer ct_x", origin: "https://evil.example", host: "a" }), false)).toBe(false);
    expect(isCrossSiteWrite(req("POST", { host: "a" }), false)).toBe(false);
    expect(isCrossSiteWrite(req("POST", { host: "a" }), true)).toBe(true);
  });
});
