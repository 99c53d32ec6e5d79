import { FetchError, isFetchError } from "./fetch-error";
import { safeFetch, type SafeFetchOptions } from "./safe-fetch";

const WAYBACK = "https://web.archive.org";
const ARCHIVED = /\/web\/(\d{14})\/(.+)$/;

export type ArchiveResult = {
  /** e.g. https://web.archive.org/web/20240315091200/https://news.example/story */
  archiveUrl: string;
  /** When the Wayback Machine captured the page, from its 14-digit timestamp. */
  archivedAt: Date;
};

/**
 * Asks the Wayback Machine to save a page (its public "Save Page Now" URL, through
 * safeFetch) and returns the capture's address. Throws FetchError with a message that
 * says the archive could not be reached or did not save, e.g. on a machine without
 * internet access. `endpoint` is for tests against a local stand-in.
 */
export async function requestWaybackSave(
  url: string,
  options: Omit<SafeFetchOptions, "method" | "allowHttpErrors"> & { endpoint?: string } = {},
): Promise<ArchiveResult> {
  const { endpoint = WAYBACK, ...fetchOptions } = options;
  const saveUrl = `${endpoint}/save/${url}`;
  try {
    // Saving takes the archive several seconds; the body (its own page) is not needed.
    const res = await safeFetch(saveUrl, { timeoutMs: 60_000, maxBytes: 2 * 1024 * 1024, ...fetchOptions, method: "GET" });
    const where = [res.headers["content-location"], res.finalUrl].find((u) => u && ARCHIVED.test(u));
    const match = where ? ARCHIVED.exec(where) : null;
    if (!where || !match?.[1]) {
      throw new FetchError("http_status", `The Wayback Machine answered but did not say where it saved ${url}`, {
        url: saveUrl,
        httpStatus: res.status,
      });
    }
    const stamp = match[1];
    const archivedAt = new Date(
      `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(8, 10)}:${stamp.slice(10, 12)}:${stamp.slice(12, 14)}Z`,
    );
    return { archiveUrl: new URL(where, endpoint).href, archivedAt };
  } catch (error) {
    if (!isFetchError(error) || error.message.startsWith("The Wayback Machine")) throw error;
    throw new FetchError(error.reason, `The Wayback Machine could not save ${url}: ${error.message}`, {
      url: error.url,
      httpStatus: error.httpStatus,
      redirects: error.redirects,
      cause: error,
    });
  }
}
