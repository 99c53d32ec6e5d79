import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FetchError } from "./fetch-error";
import { safeFetch, type ResolveHost, type SafeFetchOptions } from "./safe-fetch";
import { startFixtureServer, type FixtureServer } from "./testdata/fixture-server";

let server: FixtureServer;
let other: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
  other = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
  await other.close();
});

const allowed = (extra: SafeFetchOptions = {}): SafeFetchOptions => ({ allowHosts: [server.hostPort], ...extra });

/** Runs a fetch that must fail and returns its FetchError. */
async function refusal(url: string, options: SafeFetchOptions = {}): Promise<FetchError> {
  try {
    await safeFetch(url, options);
  } catch (error) {
    if (error instanceof FetchError) return error;
    throw error;
  }
  throw new Error(`expected ${url} to be refused`);
}

/** A resolver that answers from a table and fails like getaddrinfo for other names. */
function fakeDns(table: Record<string, string[]>, calls: string[] = []): ResolveHost {
  return async (hostname) => {
    calls.push(hostname);
    const answers = table[hostname];
    if (!answers) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return answers.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
}

describe("safeFetch on allowed fixture hosts", () => {
  it("fetches a page and reports status, headers, type and body", async () => {
    const res = await safeFetch(`${server.origin}/ok`, allowed());
    expect(res.status).toBe(200);
    expect(res.finalUrl).toBe(`${server.origin}/ok`);
    expect(res.redirects).toEqual([]);
    expect(res.contentType).toBe("text/html; charset=utf-8");
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(new TextDecoder().decode(res.body)).toContain("Fixture OK");
    expect(res.fetchedAt).toBeInstanceOf(Date);
  });

  it("follows a redirect chain and lists every hop", async () => {
    const res = await safeFetch(`${server.origin}/redirect/3`, allowed());
    expect(res.finalUrl).toBe(`${server.origin}/ok`);
    expect(res.redirects).toEqual([`${server.origin}/redirect/3`, `${server.origin}/redirect/2`, `${server.origin}/redirect/1`]);
  });

  it("refuses a chain longer than the redirect limit", async () => {
    const error = await refusal(`${server.origin}/redirect/4`, allowed({ maxRedirects: 3 }));
    expect(error.reason).toBe("too_many_redirects");
    expect(error.message).toMatch(/more than 3 redirects/);
    expect(error.code).toBe("validation_failed");
    expect(error.status).toBe(422);
  });

  it("decompresses gzip bodies", async () => {
    const res = await safeFetch(`${server.origin}/gzip`, allowed());
    expect(new TextDecoder().decode(res.body)).toContain("Fixture OK");
  });

  it("sends HEAD without reading a body", async () => {
    const res = await safeFetch(`${server.origin}/ok`, allowed({ method: "HEAD" }));
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(0);
  });

  it("throws http_status on an error status unless asked to return it", async () => {
    const error = await refusal(`${server.origin}/status/404`, allowed());
    expect(error.reason).toBe("http_status");
    expect(error.httpStatus).toBe(404);
    expect(error.message).toMatch(/HTTP 404/);
    const res = await safeFetch(`${server.origin}/status/410`, allowed({ allowHttpErrors: true }));
    expect(res.status).toBe(410);
  });

  it("tries every checked address, so a dual-stack name reaches the one that listens", async () => {
    // The fixture listens on 127.0.0.1 only; ::1 is offered first and refuses the connection.
    const lookup: ResolveHost = async () => [
      { address: "::1", family: 6 },
      { address: "127.0.0.1", family: 4 },
    ];
    const res = await safeFetch(`http://dual.test:${server.port}/ok`, { allowHosts: [`dual.test:${server.port}`], lookup });
    expect(res.status).toBe(200);
  });

  it("connects to the address it checked, without resolving the name again", async () => {
    // fixture.test resolves to 127.0.0.1 once, then "rebinds" to 10.0.0.5; the second answer is never asked for.
    const calls: string[] = [];
    let answers = 0;
    const rebinding: ResolveHost = async (hostname) => {
      calls.push(hostname);
      answers += 1;
      return [{ address: answers === 1 ? "127.0.0.1" : "10.0.0.5", family: 4 }];
    };
    const res = await safeFetch(`http://fixture.test:${server.port}/host`, {
      allowHosts: [`fixture.test:${server.port}`],
      lookup: rebinding,
    });
    expect(new TextDecoder().decode(res.body)).toBe(`fixture.test:${server.port}`);
    expect(calls).toEqual(["fixture.test"]);
  });
});

describe("safeFetch refusals (SSRF)", () => {
  it.each([
    ["http://127.0.0.1/", /127\.0\.0\.1 is a loopback address/],
    ["http://10.1.2.3/", /10\.1\.2\.3 is a private address/],
    ["http://169.254.169.254/latest/meta-data/", /169\.254\.169\.254 is a link-local address/],
    ["http://[::1]/", /::1 is a loopback address/],
    ["http://[::ffff:10.0.0.5]/", /a private address/],
    ["http://[fd00::1]/", /unique-local/],
    ["http://100.64.0.1/", /carrier-grade NAT/],
    ["http://0.0.0.0/", /unspecified/],
    ["http://0x7f.1/", /127\.0\.0\.1 is a loopback address/],
    ["http://2130706433/", /127\.0\.0\.1 is a loopback address/],
    ["http://192.168.1.1:8080/", /private/],
  ])("refuses %s before connecting", async (url, message) => {
    const error = await refusal(url);
    expect(error.reason).toBe("private_address");
    expect(error.message).toMatch(/^Refused: /);
    expect(error.message).toMatch(message);
  });

  it("refuses a fixture port that is not allow-listed", async () => {
    const before = server.requests.length;
    const error = await refusal(`${server.origin}/ok`, { allowHosts: [`127.0.0.1:${other.port}`] });
    expect(error.reason).toBe("private_address");
    expect(server.requests.length).toBe(before);
  });

  it("refuses a name that resolves to a private address", async () => {
    const error = await refusal("https://example.internal/report", { lookup: fakeDns({ "example.internal": ["10.0.0.5"] }) });
    expect(error.reason).toBe("private_address");
    expect(error.message).toBe("Refused: example.internal resolves to 10.0.0.5, a private address");
  });

  it("refuses a name when any one of its addresses is private", async () => {
    const lookup = fakeDns({ "mixed.example": ["93.184.216.34", "2606:2800::1", "fe80::1"] });
    const error = await refusal("http://mixed.example/", { lookup });
    expect(error.message).toMatch(/mixed\.example resolves to fe80::1, a link-local address/);
  });

  it("refuses localhost through the real resolver", async () => {
    const error = await refusal("http://localhost:9/");
    expect(["private_address", "port"]).toContain(error.reason);
    const again = await refusal("http://localhost/");
    expect(again.reason).toBe("private_address");
    expect(again.message).toMatch(/localhost resolves to (127\.0\.0\.1|::1)/);
  });

  it("refuses a redirect from an allowed host to a private address", async () => {
    const target = encodeURIComponent("http://169.254.169.254/latest/meta-data/");
    const error = await refusal(`${server.origin}/redirect-to?url=${target}`, allowed());
    expect(error.reason).toBe("private_address");
    expect(error.message).toBe("Refused redirect to http://169.254.169.254/latest/meta-data/: 169.254.169.254 is a link-local address");
    expect(error.redirects).toEqual([`${server.origin}/redirect-to?url=${target}`]);
  });

  it("refuses a redirect to another local port that is not allow-listed", async () => {
    const before = other.requests.length;
    const target = encodeURIComponent(`http://127.0.0.1:${other.port}/ok`);
    const error = await refusal(`${server.origin}/redirect-to?url=${target}`, allowed());
    expect(error.reason).toBe("private_address");
    expect(error.message).toMatch(/^Refused redirect to http:\/\/127\.0\.0\.1:\d+\/ok: 127\.0\.0\.1 is a loopback address$/);
    expect(other.requests.length).toBe(before);
  });

  it("refuses a redirect to a name that resolves to a private address", async () => {
    const target = encodeURIComponent("http://intranet.example/");
    const lookup = fakeDns({ "intranet.example": ["192.168.0.10"] });
    const error = await refusal(`${server.origin}/redirect-to?url=${target}`, allowed({ lookup }));
    expect(error.message).toMatch(/intranet\.example resolves to 192\.168\.0\.10, a private address/);
  });

  it.each([
    ["ftp://example.com/file", "scheme", /only http and https/],
    ["file:///etc/passwd", "scheme", /only http and https/],
    ["javascript:alert(1)", "scheme", /only http and https/],
    ["not a url", "scheme", /not a valid URL/],
    ["http://user:secret@example.com/", "credentials", /user name or password/],
    ["http://example.com:25/", "port", /port 25/],
  ])("refuses %s (%s)", async (url, reason, message) => {
    const error = await refusal(url);
    expect(error.reason).toBe(reason);
    expect(error.message).toMatch(message);
  });

  it("refuses a redirect to another scheme", async () => {
    const error = await refusal(`${server.origin}/redirect-to?url=${encodeURIComponent("file:///etc/passwd")}`, allowed());
    expect(error.reason).toBe("scheme");
    expect(error.message).toMatch(/^Refused redirect: /);
  });

  it("reports a name that does not resolve", async () => {
    const error = await refusal("http://nowhere.example/", { lookup: fakeDns({}) });
    expect(error.reason).toBe("dns");
    expect(error.message).toBe("Could not resolve nowhere.example (ENOTFOUND)");
  });

  it("reports a refused connection as a network failure", async () => {
    const closed = await startFixtureServer();
    const hostPort = closed.hostPort;
    await closed.close();
    const error = await refusal(`http://${hostPort}/`, { allowHosts: [hostPort] });
    expect(error.reason).toBe("network");
    expect(error.message).toMatch(/ECONNREFUSED/);
  });
});

describe("safeFetch size and time limits", () => {
  it("aborts a body that streams past the size cap", async () => {
    const error = await refusal(`${server.origin}/oversize`, allowed({ maxBytes: 1024 * 1024 }));
    expect(error.reason).toBe("too_large");
    expect(error.httpStatus).toBe(200);
    expect(error.message).toMatch(/more than the 1 MB limit$/);
  });

  it("refuses early on a Content-Length over the cap", async () => {
    const started = Date.now();
    const error = await refusal(`${server.origin}/oversize-declared`, allowed());
    expect(error.reason).toBe("too_large");
    expect(error.message).toMatch(/is 64 MB, over the 5 MB limit$/);
    // Refused on the header: far sooner than streaming 64 MB would take, even on a busy machine.
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("caps the decoded size of a compressed body", async () => {
    const error = await refusal(`${server.origin}/gzip-bomb`, allowed());
    expect(error.reason).toBe("too_large");
  });

  it("gives up on a slow-drip body at the total timeout", async () => {
    const started = Date.now();
    const error = await refusal(`${server.origin}/slow`, allowed({ timeoutMs: 500 }));
    expect(error.reason).toBe("timeout");
    expect(error.message).toMatch(/Timed out after 500 ms/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("gives up on a server that never sends headers", async () => {
    const error = await refusal(`${server.origin}/slow-headers`, allowed({ timeoutMs: 300 }));
    expect(error.reason).toBe("timeout");
  });

  it("counts the timeout across redirects and DNS", async () => {
    const hanging: ResolveHost = () => new Promise(() => {});
    const error = await refusal("http://slow-dns.example/", { lookup: hanging, timeoutMs: 200 });
    expect(error.reason).toBe("timeout");
  });
});
