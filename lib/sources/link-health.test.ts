import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkLink, checkLinks } from "./link-health";
import { startFixtureServer, type FixtureServer } from "./testdata/fixture-server";

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

const options = () => ({ allowHosts: [server.hostPort], timeoutMs: 2000 });
const methodsFor = (path: string) => server.requests.filter((r) => r.path === path).map((r) => r.method);

describe("checkLink", () => {
  it("marks a 2xx answer without redirect ok, using HEAD only", async () => {
    const health = await checkLink(`${server.origin}/pages/og-only.html`, options());
    expect(health).toMatchObject({ status: "ok", httpStatus: 200, finalUrl: `${server.origin}/pages/og-only.html`, message: "OK: HTTP 200 OK" });
    expect(health.checkedAt).toBeInstanceOf(Date);
    expect(methodsFor("/pages/og-only.html")).toEqual(["HEAD"]);
  });

  it("marks a redirect to another URL as redirected, with where it ended", async () => {
    const health = await checkLink(`${server.origin}/moved`, options());
    expect(health).toMatchObject({ status: "redirected", httpStatus: 200, finalUrl: `${server.origin}/ok` });
    expect(health.message).toBe(`Redirected to ${server.origin}/ok (HTTP 200 OK)`);
  });

  it("marks a redirect to the same canonical URL ok", async () => {
    // The stored link carries a tracking parameter that the site redirects away.
    const health = await checkLink(`${server.origin}/tracked?utm_source=newsletter`, options());
    expect(health).toMatchObject({ status: "ok", httpStatus: 200, finalUrl: `${server.origin}/tracked` });
  });

  it.each([
    [404, "Gone: HTTP 404 Not Found"],
    [410, "Gone: HTTP 410 Gone"],
  ])("marks %i as gone", async (code, message) => {
    expect(await checkLink(`${server.origin}/status/${code}`, options())).toMatchObject({ status: "gone", httpStatus: code, message });
  });

  it.each([
    [500, "Server error: HTTP 500 Internal Server Error"],
    [503, "Server error: HTTP 503 Service Unavailable"],
    [403, "Not available: HTTP 403 Forbidden"],
  ])("marks %i as unreachable", async (code, message) => {
    expect(await checkLink(`${server.origin}/status/${code}`, options())).toMatchObject({ status: "unreachable", httpStatus: code, message });
  });

  it.each([405, 501])("falls back to GET when HEAD is refused with %i", async (code) => {
    const path = `/head-refused/${code}`;
    const health = await checkLink(`${server.origin}${path}`, options());
    expect(health).toMatchObject({ status: "ok", httpStatus: 200 });
    expect(methodsFor(path)).toEqual(["HEAD", "GET"]);
  });

  it("counts a GET fallback whose body is over the probe limit as reached", async () => {
    const path = `/head-refused/405?bytes=${2 * 1024 * 1024}`;
    const health = await checkLink(`${server.origin}${path}`, options());
    expect(health).toMatchObject({ status: "ok", httpStatus: 200, finalUrl: `${server.origin}${path}` });
    expect(methodsFor(path)).toEqual(["HEAD", "GET"]);
  });

  it("marks refused addresses, DNS failures, timeouts and closed ports unreachable", async () => {
    const privateAddress = await checkLink("http://169.254.169.254/latest/meta-data/", options());
    expect(privateAddress).toMatchObject({ status: "unreachable", httpStatus: null, finalUrl: null });
    expect(privateAddress.message).toMatch(/link-local address/);

    const dns = await checkLink("http://gone-domain.example/", {
      lookup: async () => Promise.reject(Object.assign(new Error("ENOTFOUND"), { code: "ENOTFOUND" })),
    });
    expect(dns).toMatchObject({ status: "unreachable", message: "Could not resolve gone-domain.example (ENOTFOUND)" });

    const slow = await checkLink(`${server.origin}/slow-headers`, { ...options(), timeoutMs: 200 });
    expect(slow.status).toBe("unreachable");
    expect(slow.message).toMatch(/Timed out/);

    const closed = await startFixtureServer();
    await closed.close();
    const refused = await checkLink(`${closed.origin}/`, { allowHosts: [closed.hostPort] });
    expect(refused.status).toBe("unreachable");
    expect(refused.message).toMatch(/ECONNREFUSED/);
  });

  it("marks a redirect into a private address unreachable", async () => {
    const health = await checkLink(`${server.origin}/redirect-to?url=${encodeURIComponent("http://10.0.0.1/")}`, options());
    expect(health.status).toBe("unreachable");
    expect(health.message).toMatch(/^Refused redirect to http:\/\/10\.0\.0\.1\/: 10\.0\.0\.1 is a private address$/);
  });
});

describe("checkLinks", () => {
  it("checks every link with bounded concurrency, in input order, reporting progress", async () => {
    // A separate counting server: how many requests are in flight at once.
    let inFlight = 0;
    let peak = 0;
    const counting = http.createServer((req, res) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        res.writeHead(req.url === "/missing" ? 404 : 200).end();
      }, 150);
    });
    await new Promise<void>((resolve) => counting.listen(0, "127.0.0.1", resolve));
    const port = (counting.address() as { port: number }).port;
    const base = `http://127.0.0.1:${port}`;
    const urls = [...Array.from({ length: 9 }, (_, i) => `${base}/page/${i}`), `${base}/missing`];
    const progress: string[] = [];
    try {
      const results = await checkLinks(urls, {
        allowHosts: [`127.0.0.1:${port}`],
        concurrency: 3,
        onProgress: (done, total) => progress.push(`${done}/${total}`),
      });
      expect(results.map((r) => r.status)).toEqual([...Array<string>(9).fill("ok"), "gone"]);
      expect(results.map((r) => r.finalUrl)).toEqual(urls);
      // Never more than the bound; more than one at a time (on an idle machine, exactly 3).
      expect(peak).toBeLessThanOrEqual(3);
      expect(peak).toBeGreaterThan(1);
      expect(progress).toEqual(Array.from({ length: 10 }, (_, i) => `${i + 1}/10`));
    } finally {
      await new Promise<void>((resolve) => counting.close(() => resolve()));
    }
  });

  it("returns nothing for no links", async () => {
    expect(await checkLinks([])).toEqual([]);
  });
});
