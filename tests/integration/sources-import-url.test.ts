import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importArticleFromUrl } from "@/lib/data/article-url-import";
import { POST as createRoute } from "@/app/api/v1/articles/route";
import { withFixtureWeb } from "@/tests/support/fixture-web";
import { type Person } from "@/tests/support/people";

const web = withFixtureWeb(1500);

const post = (p: Person | null, body: unknown) =>
  createRoute(
    new Request("http://localhost/api/v1/articles", {
      method: "POST",
      headers: { ...(p ? { authorization: `Bearer ${p.token}` } : {}), "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );

describe("importing an article from a URL", () => {
  it("fetches the page, extracts the article and its metadata, and keeps the snapshot", async () => {
    const url = `${web.server.origin}/pages/wire-jsonld-graph.html?utm_source=feed`;
    const article = await importArticleFromUrl(web.team.editor.actor, { url });
    expect(article).toMatchObject({
      title: "Grain exports resume through Black Sea corridor, officials say",
      url: `${web.server.origin}/pages/wire-jsonld-graph.html`,
      publisher: "Northwire",
      author: "Olena Kovalenko, Mark Stein",
      publishedAt: "2024-03-15T09:12:00.000Z",
    });
    expect(article.revision.text).toMatch(/grain/i);
    expect(article.revision.text).not.toMatch(/<|function\(|window\./);
    expect(article.claims.length).toBeGreaterThan(1);
    for (const c of article.claims) expect(article.revision.text.slice(c.start, c.end)).toBe(c.text);
    const row = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(row.snapshotSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await db.blob.count({ where: { sha256: row.snapshotSha256! } })).toBe(1);
    expect(await db.sourceSnapshot.count({ where: { sha256: row.snapshotSha256!, url: article.url! } })).toBe(1);
  });

  it("takes {url} in place of {text} on the API; a given title wins over the page's", async () => {
    const res = await post(web.team.editor, { url: `${web.server.origin}/pages/non-english-fr.html`, title: "Retraites" });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { title: string; url: string; text: string; claims: unknown[] };
    expect(body.title).toBe("Retraites");
    expect(body.url).toBe(`${web.server.origin}/pages/non-english-fr.html`);
    expect(body.claims.length).toBeGreaterThan(0);
    const untitled = (await (await post(web.team.editor, { url: `${web.server.origin}/pages/gov-press-release.html` })).json()) as {
      title: string;
    };
    expect(untitled.title).toBe("Department Announces $45 Million for Rural Hospital Grants | HHS.gov");
  });

  it.each([
    ["http://127.0.0.1:8080/x", /loopback address/],
    ["http://10.0.0.1/x", /private address/],
    ["http://169.254.169.254/latest/meta-data/", /link-local address/],
    ["http://[::1]/x", /loopback address/],
    ["http://localhost/x", /localhost resolves to/],
  ])("answers 422 naming the reason for %s and stores nothing", async (url, reason) => {
    const before = [await db.article.count(), await db.sourceSnapshot.count(), await db.blob.count()];
    const res = await post(web.team.editor, { url });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.message).toMatch(reason);
    expect([await db.article.count(), await db.sourceSnapshot.count(), await db.blob.count()]).toEqual(before);
  });

  it("answers 422 for a redirect to a private address, an oversize page, a slow page and a PDF", async () => {
    const before = await db.article.count();
    const redirect = await post(web.team.editor, {
      url: `${web.server.origin}/redirect-to?url=${encodeURIComponent("http://10.0.0.5/")}`,
    });
    expect(redirect.status).toBe(422);
    expect(((await redirect.json()) as { error: { message: string } }).error.message).toMatch(
      /Refused redirect to http:\/\/10\.0\.0\.5\/: 10\.0\.0\.5 is a private address/,
    );
    const big = await post(web.team.editor, { url: `${web.server.origin}/oversize` });
    expect(big.status).toBe(422);
    expect(((await big.json()) as { error: { message: string } }).error.message).toMatch(/, over the 5 MB limit$|more than the 5 MB limit$/);
    const slow = await post(web.team.editor, { url: `${web.server.origin}/slow` });
    expect(slow.status).toBe(422);
    expect(((await slow.json()) as { error: { message: string } }).error.message).toMatch(/Timed out/);
    const pdf = await post(web.team.editor, { url: `${web.server.origin}/report.pdf` });
    expect(pdf.status).toBe(422);
    expect(((await pdf.json()) as { error: { message: string } }).error.message).toMatch(/not a web page/);
    expect(await db.article.count()).toBe(before);
  });

  it("refuses callers who may not import before fetching anything", async () => {
    const requests = web.server.requests.length;
    expect((await post(web.team.reviewer, { url: `${web.server.origin}/pages/og-only.html` })).status).toBe(403);
    expect((await post(null, { url: `${web.server.origin}/pages/og-only.html` })).status).toBe(401);
    expect(web.server.requests.length).toBe(requests);
  });
});
