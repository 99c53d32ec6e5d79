import { STATUS_CODES } from "node:http";
import { isFetchError } from "./fetch-error";
import { safeFetch, type SafeFetchOptions } from "./safe-fetch";
import { canonicalizeUrl } from "./url";

export type LinkHealthStatus = "ok" | "redirected" | "gone" | "unreachable";

export type LinkHealth = {
  status: LinkHealthStatus;
  /** The final HTTP status, or null when no server answered (DNS, refused address, timeout…). */
  httpStatus: number | null;
  /** Where the link ended up after redirects, or null when no server answered. */
  finalUrl: string | null;
  checkedAt: Date;
  /** One line for the editor, e.g. "Gone: HTTP 404 Not Found". */
  message: string;
};

export type CheckLinkOptions = Pick<SafeFetchOptions, "allowHosts" | "timeoutMs" | "maxRedirects" | "lookup" | "signal">;

// A GET fallback only needs the status: stop reading after this much body.
const GET_PROBE_BYTES = 256 * 1024;

/**
 * Checks one link with safeFetch: HEAD, then GET when the server refuses HEAD (405/501).
 * ok = 2xx at the same canonical URL; redirected = 2xx elsewhere; gone = 404/410;
 * unreachable = anything else (DNS, refused address, timeout, 5xx, other 4xx such as a
 * 403 bot wall). Never throws: every failure is a result with a message.
 */
export async function checkLink(url: string, options: CheckLinkOptions = {}): Promise<LinkHealth> {
  const checkedAt = new Date();
  let answer: { status: number; finalUrl: string };
  try {
    const head = await safeFetch(url, { ...options, method: "HEAD", allowHttpErrors: true });
    answer = head;
    if (head.status === 405 || head.status === 501) {
      answer = await safeFetch(url, { ...options, method: "GET", allowHttpErrors: true, maxBytes: GET_PROBE_BYTES });
    }
  } catch (error) {
    // A body over the probe limit still proves the server answered with that status.
    if (isFetchError(error) && error.reason === "too_large" && error.httpStatus !== null) {
      answer = { status: error.httpStatus, finalUrl: error.url };
    } else {
      const message = error instanceof Error ? error.message : String(error);
      return { status: "unreachable", httpStatus: null, finalUrl: null, checkedAt, message };
    }
  }
  return { ...classify(url, answer.status, answer.finalUrl), httpStatus: answer.status, finalUrl: answer.finalUrl, checkedAt };
}

function classify(url: string, status: number, finalUrl: string): { status: LinkHealthStatus; message: string } {
  const http = `HTTP ${status}${STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ""}`;
  if (status >= 200 && status < 300) {
    return isSameCanonical(url, finalUrl)
      ? { status: "ok", message: `OK: ${http}` }
      : { status: "redirected", message: `Redirected to ${finalUrl} (${http})` };
  }
  if (status === 404 || status === 410) return { status: "gone", message: `Gone: ${http}` };
  if (status >= 500) return { status: "unreachable", message: `Server error: ${http}` };
  return { status: "unreachable", message: `Not available: ${http}` };
}

function isSameCanonical(a: string, b: string): boolean {
  try {
    return canonicalizeUrl(a) === canonicalizeUrl(b);
  } catch {
    return a === b;
  }
}

export type CheckLinksOptions = CheckLinkOptions & {
  /** Links checked at the same time; default 4. */
  concurrency?: number;
  /** Called after each link, e.g. to print "12/340". */
  onProgress?: (done: number, total: number) => void;
};

/** Checks many links with at most `concurrency` in flight; results are in the order of the input. */
export async function checkLinks(urls: readonly string[], options: CheckLinksOptions = {}): Promise<LinkHealth[]> {
  const { concurrency = 4, onProgress, ...linkOptions } = options;
  const results = new Array<LinkHealth>(urls.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < urls.length) {
      const index = next++;
      results[index] = await checkLink(urls[index] as string, linkOptions);
      done += 1;
      onProgress?.(done, urls.length);
    }
  };
  const workers = Math.max(1, Math.min(Math.floor(concurrency) || 1, urls.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}
