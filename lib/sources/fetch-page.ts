import { decodeHtmlBody, isHtmlContentType } from "./decode-html";
import { extractMetadata, type PageMetadata } from "./metadata";
import { safeFetch, type SafeFetchOptions, type SafeFetchResponse } from "./safe-fetch";
import { snapshotFromResponse, type Snapshot } from "./snapshot";

export type FetchedPage = {
  response: SafeFetchResponse;
  /** Always present, HTML or not: a PDF is worth keeping too. */
  snapshot: Snapshot;
  /** The decoded HTML, or null when the response is not HTML (a PDF, an image…). */
  html: string | null;
  /** Metadata read at the final URL, or null when the response is not HTML. */
  metadata: PageMetadata | null;
};

/**
 * Fetches a URL for a new source with safeFetch (GET, 2xx only) and returns its snapshot
 * record, decoded HTML and metadata. Throws FetchError (422) with a reason when refused;
 * the caller should still let the editor fill the fields by hand. For article import,
 * pass `html` and `response.finalUrl` to extractArticleFromHtml (lib/text/html.ts).
 */
export async function fetchPage(url: string, options: Omit<SafeFetchOptions, "method" | "allowHttpErrors"> = {}): Promise<FetchedPage> {
  const response = await safeFetch(url, { ...options, method: "GET" });
  const snapshot = snapshotFromResponse(response);
  // A server that sends no Content-Type is sniffed the cheap way: does it start like markup?
  const looksHtml =
    isHtmlContentType(response.contentType) ||
    (response.contentType === null && /^\s*</.test(new TextDecoder().decode(response.body.subarray(0, 512))));
  if (!looksHtml) return { response, snapshot, html: null, metadata: null };
  const html = decodeHtmlBody(response.body, response.contentType);
  return { response, snapshot, html, metadata: extractMetadata(html, response.finalUrl) };
}
