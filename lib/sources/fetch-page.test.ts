import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractArticleFromHtml } from "../text/html";
import { FetchError } from "./fetch-error";
import { fetchPage } from "./fetch-page";
import { startFixtureServer, type FixtureServer } from "./testdata/fixture-server";

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

describe("fetchPage", () => {
  it("fetches a page through a redirect and returns its snapshot, HTML and metadata", async () => {
    const target = encodeURIComponent("/pages/wordpress-yoast.html");
    const page = await fetchPage(`${server.origin}/redirect-to?url=${target}`, { allowHosts: [server.hostPort] });
    expect(page.response.finalUrl).toBe(`${server.origin}/pages/wordpress-yoast.html`);
    expect(page.snapshot).toMatchObject({ status: 200, contentType: "text/html; charset=utf-8", url: page.response.finalUrl });
    expect(page.metadata).toMatchObject({
      title: "Why the council’s bin figures don’t add up",
      siteName: "The Ledger Blog",
      author: "Priya Shah",
      publishedAt: "2024-02-27T07:30:00.000Z",
      canonicalUrl: "https://ledgerblog.example/2024/02/council-bin-figures/",
    });
  });

  it("feeds article import: the fetched HTML gives Readability's text", async () => {
    const page = await fetchPage(`${server.origin}/pages/wire-jsonld-graph.html`, { allowHosts: [server.hostPort] });
    const article = extractArticleFromHtml(page.html ?? "", page.response.finalUrl);
    expect(article.text).toContain("Ships carrying grain left three ports on Friday, port officials said.");
    expect(page.metadata?.title).toBe("Grain exports resume through Black Sea corridor, officials say");
  });

  it("keeps a snapshot of a non-HTML response but reads no metadata from it", async () => {
    const page = await fetchPage(`${server.origin}/report.pdf`, { allowHosts: [server.hostPort] });
    expect(page.html).toBeNull();
    expect(page.metadata).toBeNull();
    expect(page.snapshot.contentType).toBe("application/pdf");
    expect(page.snapshot.bytes).toBeGreaterThan(0);
  });

  it("passes refusals through as FetchError with a 422 and the reason in the message", async () => {
    const error = await fetchPage("http://10.20.30.40/article").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect(error).toMatchObject({ reason: "private_address", status: 422, message: "Refused: 10.20.30.40 is a private address" });
    const gone = await fetchPage(`${server.origin}/status/404`, { allowHosts: [server.hostPort] }).catch((e: unknown) => e);
    expect(gone).toMatchObject({ reason: "http_status", httpStatus: 404 });
  });
});
