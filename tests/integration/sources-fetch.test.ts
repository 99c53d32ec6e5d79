import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { fetchSourceDetails, snapshotSource } from "@/lib/data/source-fetch";
import { addSourceToClaim } from "@/lib/data/sources";
import { importArticle } from "@/lib/data/articles";
import { extractMetadata } from "@/lib/sources/metadata";
import { GET as snapshotRoute } from "@/app/api/v1/sources/[sourceId]/snapshots/[snapshotId]/route";
import { withFixtureWeb } from "@/tests/support/fixture-web";
import { SAMPLE_TEXT } from "@/tests/support/people";

const web = withFixtureWeb(1500);

const PAGES = fs
  .readdirSync(path.join(import.meta.dirname, "../../lib/sources/testdata/pages"))
  .filter((f) => f.endsWith(".html"));

async function counts() {
  return { snapshots: await db.sourceSnapshot.count(), blobs: await db.blob.count(), sources: await db.source.count() };
}

describe("fetching a source's details", () => {
  it("covers at least 10 real-world page shapes", () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(10);
  });

  it.each(PAGES)("reads %s through the data layer and keeps its snapshot", async (name) => {
    const url = `${web.server.origin}/pages/${name}`;
    const details = await fetchSourceDetails(web.team.editor.actor, { url });
    const html = fs.readFileSync(path.join(import.meta.dirname, "../../lib/sources/testdata/pages", name), "utf8");
    const expected = extractMetadata(html, url);
    expect(details).toMatchObject({
      url,
      httpStatus: 200,
      title: expected.title,
      publisher: expected.siteName,
      author: expected.author,
      publishedAt: expected.publishedAt,
      description: expected.description,
      note: null,
    });
    expect(details.title).toBeTruthy();
    const snapshot = await db.sourceSnapshot.findUniqueOrThrow({ where: { id: details.snapshotId } });
    expect(snapshot).toMatchObject({ url, finalUrl: url, httpStatus: 200, sourceId: null });
    const blob = await db.blob.findUniqueOrThrow({ where: { sha256: snapshot.sha256 } });
    expect(Buffer.from(blob.data).toString("utf8")).toBe(html);
  });

  it("fills title, publisher, author and date from JSON-LD, OpenGraph and meta tags", async () => {
    const wire = await fetchSourceDetails(web.team.editor.actor, { url: `${web.server.origin}/pages/wire-jsonld-graph.html` });
    expect(wire).toMatchObject({
      title: "Grain exports resume through Black Sea corridor, officials say",
      publisher: "Northwire",
      author: "Olena Kovalenko, Mark Stein",
      publishedAt: "2024-03-15T09:12:00.000Z",
      type: "news article",
    });
    const blog = await fetchSourceDetails(web.team.editor.actor, { url: `${web.server.origin}/pages/wordpress-yoast.html` });
    expect(blog).toMatchObject({
      title: "Why the council’s bin figures don’t add up",
      publisher: "The Ledger Blog",
      author: "Priya Shah",
    });
  });

  it("keeps a PDF as a snapshot and says the details must be typed", async () => {
    const details = await fetchSourceDetails(web.team.editor.actor, { url: `${web.server.origin}/report.pdf` });
    expect(details).toMatchObject({ title: null, contentType: "application/pdf" });
    expect(details.note).toMatch(/not a web page/);
  });

  it("attaches the fetched snapshot to the source it saves, with the fetch time as accessed date", async () => {
    const article = await importArticle(web.team.editor.actor, { title: "Snapshot attach", text: SAMPLE_TEXT });
    const url = `${web.server.origin}/pages/og-only.html?utm_source=x`;
    const details = await fetchSourceDetails(web.team.editor.actor, { url });
    const link = await addSourceToClaim(web.team.editor.actor, article.claims[0]!.id, {
      url,
      title: details.title,
      publisher: details.publisher ?? "",
      relation: "supports",
      locator: "para 3",
      snapshotId: details.snapshotId,
    });
    expect(link).toMatchObject({ url: `${web.server.origin}/pages/og-only.html`, locator: "para 3", title: details.title });
    const snapshot = await db.sourceSnapshot.findUniqueOrThrow({ where: { id: details.snapshotId } });
    expect(snapshot.sourceId).toBe(link.sourceId);
    const source = await db.source.findUniqueOrThrow({ where: { id: link.sourceId } });
    expect(source.accessedAt?.toISOString()).toBe(snapshot.fetchedAt.toISOString());
    expect(source.domain).toBe("127.0.0.1");

    // The sanitised view: the page's text, no script, served sandboxed.
    const res = await snapshotRoute(
      new Request(`http://localhost/api/v1/sources/${link.sourceId}/snapshots/${snapshot.id}`, {
        headers: { authorization: `Bearer ${web.team.reviewer.token}` },
      }),
      { params: Promise.resolve({ sourceId: link.sourceId, snapshotId: snapshot.id }) },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toMatch(/^sandbox /);
    const page = await res.text();
    expect(page).toContain("Claimtrack snapshot of");
    expect(page).not.toMatch(/<script/i);

    // A fresh snapshot on demand joins the same source.
    const again = await snapshotSource(web.team.editor.actor, link.sourceId);
    expect((await db.sourceSnapshot.findUniqueOrThrow({ where: { id: again.snapshotId } })).sourceId).toBe(link.sourceId);
    await expect(snapshotSource(web.team.reviewer.actor, link.sourceId)).rejects.toMatchObject({ status: 403 });
  });
});

describe("refused and failed fetches", () => {
  const refusals: [string, string, RegExp][] = [
    ["loopback 127.0.0.1 (a port not allow-listed)", "http://127.0.0.1:8080/ok", /127\.0\.0\.1 is a loopback address/],
    ["loopback 127.0.0.2", "http://127.0.0.2/ok", /loopback address/],
    ["a mail port", "http://127.0.0.1:25/ok", /port 25 is not fetched/],
    ["private 10.x", "http://10.1.2.3/ok", /private address/],
    ["cloud metadata 169.254.169.254", "http://169.254.169.254/latest/meta-data/", /link-local address/],
    ["IPv6 loopback ::1", "http://[::1]:8080/ok", /loopback address/],
    [
      "a DNS name resolving to a private address",
      "http://localhost:8080/ok",
      /localhost resolves to 127\.0\.0\.1, a loopback address/,
    ],
  ];

  it.each(refusals)("refuses %s with 422 and stores nothing", async (_what, url, message) => {
    const before = await counts();
    await expect(fetchSourceDetails(web.team.editor.actor, { url })).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(message),
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses a redirect to a private address", async () => {
    const before = await counts();
    const url = `${web.server.origin}/redirect-to?url=${encodeURIComponent("http://169.254.169.254/latest/meta-data/")}`;
    await expect(fetchSourceDetails(web.team.editor.actor, { url })).rejects.toMatchObject({
      status: 422,
      reason: "private_address",
      message: expect.stringMatching(/Refused redirect to http:\/\/169\.254\.169\.254/),
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses the allow-listed host under another name", async () => {
    // localhost:<fixture port> is the same server, but only 127.0.0.1:<port> is allowed.
    const url = `http://localhost:${web.server.port}/ok`;
    await expect(fetchSourceDetails(web.team.editor.actor, { url })).rejects.toMatchObject({
      status: 422,
      reason: "private_address",
    });
  });

  it("refuses an oversize body and a slow one, storing nothing", async () => {
    const before = await counts();
    await expect(fetchSourceDetails(web.team.editor.actor, { url: `${web.server.origin}/oversize` })).rejects.toMatchObject({
      status: 422,
      reason: "too_large",
    });
    await expect(fetchSourceDetails(web.team.editor.actor, { url: `${web.server.origin}/oversize-declared` })).rejects.toMatchObject({
      reason: "too_large",
    });
    const started = Date.now();
    await expect(fetchSourceDetails(web.team.editor.actor, { url: `${web.server.origin}/slow` })).rejects.toMatchObject({
      status: 422,
      reason: "timeout",
      message: expect.stringMatching(/Timed out after 1500 ms/),
    });
    expect(Date.now() - started).toBeLessThan(8000);
    expect(await counts()).toEqual(before);
  });

  it("reports a 404 clearly", async () => {
    await expect(fetchSourceDetails(web.team.editor.actor, { url: `${web.server.origin}/status/404` })).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(/answered HTTP 404/),
    });
  });

  it("lets no reviewer or anonymous caller make the server fetch", async () => {
    const requests = web.server.requests.length;
    await expect(fetchSourceDetails(web.team.reviewer.actor, { url: `${web.server.origin}/ok` })).rejects.toMatchObject({ status: 403 });
    await expect(fetchSourceDetails(null, { url: `${web.server.origin}/ok` })).rejects.toMatchObject({ status: 401 });
    expect(web.server.requests.length).toBe(requests);
  });
});
