import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { normalizeAllowHost } from "./address-policy";
import { FetchError } from "./fetch-error";
import { checkedAddresses, defaultResolveHost, type ResolvedAddress, type ResolveHost } from "./pin-address";
import { readLimitedBody } from "./read-body";

export type { ResolvedAddress, ResolveHost } from "./pin-address";

export type SafeFetchOptions = {
  /** Largest body accepted, after decompression; default 5 MB. */
  maxBytes?: number;
  /** Total time for every hop, headers and body included; default 10 s. */
  timeoutMs?: number;
  /** Redirects followed before giving up; default 5. */
  maxRedirects?: number;
  /** "host:port" entries (FETCH_ALLOW_HOSTS) exempt from the private-address refusal; default none. */
  allowHosts?: string[];
  method?: "GET" | "HEAD";
  /** The Accept header; default prefers HTML. */
  accept?: string;
  /** Return non-2xx final responses instead of throwing FetchError("http_status"); link checks want them. */
  allowHttpErrors?: boolean;
  /** Aborts the fetch early, e.g. when the editor cancels; reported as a timeout. */
  signal?: AbortSignal;
  /** Replaces dns.promises.lookup, for tests only (a name that resolves to a private address). */
  lookup?: ResolveHost;
};

export type SafeFetchResponse = {
  /** The URL that finally answered, after redirects. */
  finalUrl: string;
  status: number;
  /** Every URL that redirected, in order, starting with the one asked for. */
  redirects: string[];
  /** Response headers of the final hop, lower-case names, repeated headers joined with ", ". */
  headers: Record<string, string>;
  contentType: string | null;
  /** The body, decompressed when the server used gzip, deflate or br; empty for HEAD. */
  body: Uint8Array;
  fetchedAt: Date;
};

const DEFAULTS = { maxBytes: 5 * 1024 * 1024, timeoutMs: 10_000, maxRedirects: 5 };
const USER_AGENT = "Claimtrack/0.1 (source metadata and link checks)";
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// Ports browsers refuse to fetch (WHATWG Fetch "bad port" list): mail, shell and other
// line protocols that a crafted request could talk to.
const BAD_PORTS = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110,
  111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532,
  540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061,
  6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/**
 * Fetches an http(s) URL from the server without letting it reach private networks: every
 * hop's host is resolved here, refused if any address is not public (unless allow-listed),
 * and the connection is pinned to the checked address; size, time and redirects are capped.
 * Throws FetchError (422) with a reason on every refusal or failure.
 */
export async function safeFetch(url: string, options: SafeFetchOptions = {}): Promise<SafeFetchResponse> {
  const maxBytes = options.maxBytes ?? DEFAULTS.maxBytes;
  const maxRedirects = options.maxRedirects ?? DEFAULTS.maxRedirects;
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const allowHosts = new Set((options.allowHosts ?? []).map(normalizeAllowHost));
  const method = options.method ?? "GET";
  const redirects: string[] = [];
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error("timeout")), timeoutMs);
  const onCallerAbort = () => controller.abort(new Error("cancelled"));
  options.signal?.addEventListener("abort", onCallerAbort, { once: true });
  if (options.signal?.aborted) onCallerAbort();
  let current = url;
  try {
    let target = checkUrl(url, redirects);
    for (;;) {
      current = target.href;
      const addresses = await checkedAddresses(target, {
        allowHosts,
        resolveHost: options.lookup ?? defaultResolveHost,
        signal: controller.signal,
        redirects,
      });
      const res = await sendRequest(target, addresses, { method, accept: options.accept }, controller.signal);
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (REDIRECT_STATUSES.has(status) && location) {
        res.destroy();
        redirects.push(target.href);
        if (redirects.length > maxRedirects) {
          throw new FetchError("too_many_redirects", `Refused: more than ${maxRedirects} redirects, starting at ${url}`, {
            url: target.href,
            httpStatus: status,
            redirects,
          });
        }
        target = checkUrl(resolveLocation(location, target), redirects);
        continue;
      }
      const fetchedAt = new Date();
      const fail = (reason: "http_status" | "too_large", message: string) =>
        new FetchError(reason, message, { url: target.href, httpStatus: status, redirects });
      if (!options.allowHttpErrors && (status < 200 || status > 299)) {
        res.destroy();
        throw fail("http_status", `The page answered HTTP ${status}: ${target.href}`);
      }
      const declared = Number(res.headers["content-length"]);
      if (method === "GET" && declared > maxBytes) {
        res.destroy();
        throw fail("too_large", `Refused: ${target.href} is ${megabytes(declared)}, over the ${megabytes(maxBytes)} limit`);
      }
      const body = method === "HEAD" ? new Uint8Array(0) : await readLimitedBody(res, maxBytes, controller.signal);
      if (body === null) throw fail("too_large", `Refused: ${target.href} sent more than the ${megabytes(maxBytes)} limit`);
      return {
        finalUrl: target.href,
        status,
        redirects,
        headers: flattenHeaders(res.headers),
        contentType: typeof res.headers["content-type"] === "string" ? res.headers["content-type"] : null,
        body,
        fetchedAt,
      };
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (controller.signal.aborted) {
      throw new FetchError("timeout", `Timed out after ${timeoutMs} ms fetching ${current}`, { url: current, redirects, cause: error });
    }
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    throw new FetchError("network", `Could not fetch ${current}: ${code ?? (error as Error).message}`, {
      url: current,
      redirects,
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onCallerAbort);
  }
}

/** Parses a URL and refuses schemes other than http(s), embedded credentials and bad ports. */
function checkUrl(input: string, redirects: string[]): URL {
  const hop = redirects.length > 0 ? "Refused redirect: " : "Refused: ";
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new FetchError("scheme", `${hop}not a valid URL: ${input}`, { url: input, redirects });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchError("scheme", `${hop}only http and https URLs can be fetched, not ${url.protocol}`, { url: input, redirects });
  }
  if (url.username || url.password) {
    throw new FetchError("credentials", `${hop}URLs with a user name or password are not fetched`, { url: input, redirects });
  }
  if (url.port && BAD_PORTS.has(Number(url.port))) {
    throw new FetchError("port", `${hop}port ${url.port} is not fetched (${url.hostname})`, { url: url.href, redirects });
  }
  return url;
}

function resolveLocation(location: string, base: URL): string {
  try {
    return new URL(location, base).href;
  } catch {
    return location; // checkUrl reports it as invalid
  }
}

/** Sends one request to the pinned address and resolves with the response head. */
function sendRequest(
  url: URL,
  pinned: ResolvedAddress[],
  options: { method: "GET" | "HEAD"; accept?: string },
  signal: AbortSignal,
): Promise<http.IncomingMessage> {
  // The socket connects only to the addresses checked above, never to a fresh DNS answer,
  // so a name that rebinds to a private address between check and connect gains nothing.
  // All of them are offered (each passed the check) so Node's happy-eyeballs can fall back
  // from a broken IPv6 route to IPv4.
  const first = pinned[0] as ResolvedAddress;
  const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, pinned);
    else callback(null, first.address, first.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      {
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[|\]$/g, ""),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: options.method,
        headers: {
          host: url.host,
          "user-agent": USER_AGENT,
          accept: options.accept ?? "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8",
          "accept-encoding": "gzip, deflate, br",
        },
        // No pooled sockets: each hop gets a connection made to its own checked address.
        agent: false,
        lookup,
        signal,
      },
      resolve,
    );
    req.on("error", reject);
    req.end();
  });
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

/** A size in words: "5 MB", "64 MB", "1.5 MB", or "800 kB" under a megabyte (1 MB = 1,048,576 bytes). */
export function megabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} kB`;
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
