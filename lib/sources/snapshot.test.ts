import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { safeFetch } from "./safe-fetch";
import { sanitizeSnapshotHtml, snapshotFromResponse } from "./snapshot";
import { startFixtureServer, type FixtureServer } from "./testdata/fixture-server";

const BASE = "https://news.example/section/story.html";

describe("snapshotFromResponse", () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(() => server.close());

  it("hashes, sizes and dates a fetched page", async () => {
    const res = await safeFetch(`${server.origin}/pages/amp-article.html`, { allowHosts: [server.hostPort] });
    const file = fs.readFileSync(path.join(import.meta.dirname, "testdata/pages/amp-article.html"));
    const snapshot = snapshotFromResponse(res);
    expect(snapshot).toEqual({
      sha256: crypto.createHash("sha256").update(file).digest("hex"),
      contentType: "text/html; charset=utf-8",
      status: 200,
      fetchedAt: res.fetchedAt,
      bytes: file.length,
      body: res.body,
      url: `${server.origin}/pages/amp-article.html`,
    });
    expect(snapshot.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("gives identical bodies the same hash", () => {
    const body = new TextEncoder().encode("<p>same</p>");
    const at = new Date("2024-01-01T00:00:00Z");
    const a = snapshotFromResponse({ body, contentType: "text/html", status: 200, fetchedAt: at, finalUrl: "https://a.example/" });
    const b = snapshotFromResponse({ body: body.slice(), contentType: null, status: 200, fetchedAt: new Date(), finalUrl: "https://b.example/" });
    expect(a.sha256).toBe(b.sha256);
    // printf '<p>same</p>' | sha256sum
    expect(a.sha256).toBe("bc0cbaf575afe0bf2c3d97dda9738fa655c974895579bae5659d175f1a7873f5");
  });
});

describe("sanitizeSnapshotHtml", () => {
  const clean = (html: string, options = {}) => sanitizeSnapshotHtml(html, BASE, options);

  it("drops scripts, event handlers and javascript: links", () => {
    const out = clean(`<p onclick="steal()">Hi<script>alert(1)</script></p><a href="javascript:alert(2)">x</a><a href=" JaVaScRiPt:alert(3)">y</a>`);
    expect(out).not.toMatch(/script|onclick|alert|javascript/i);
    expect(out).toContain("<p>Hi</p>");
    expect(out).toContain("<a>x</a>");
  });

  it("drops images with onerror, data: URLs and SVG payloads", () => {
    const out = clean(`<img src=x onerror="alert(1)"><a href="data:text/html,<script>alert(1)</script>">d</a><svg><script>alert(1)</script></svg><math><mi xlink:href="javascript:alert(1)">m</mi></math>`);
    expect(out).not.toMatch(/onerror|alert|data:|<svg|<math|xlink/i);
  });

  it("drops iframes, objects, forms and their fields", () => {
    const out = clean(`<iframe src="https://evil.example/"></iframe><object data="x.swf"></object><embed src="y"><form action="https://evil.example/"><input name="password"><button formaction="https://evil.example/">Go</button></form><p>kept</p>`);
    // The elements go; their text stays (a button label is harmless text).
    expect(out).toBe("Go<p>kept</p>");
    // ASP.NET WebForms pages wrap the whole page in a <form>: its content must survive.
    expect(clean(`<form id="aspnetForm" method="post"><article><p>Story</p></article></form>`)).toBe("<article><p>Story</p></article>");
  });

  it("drops style elements and attributes that could load remote resources", () => {
    const out = clean(`<style>body{background:url(https://tracker.example/pixel)}</style><p style="background:url(https://tracker.example/p2);position:fixed">text</p><link rel="stylesheet" href="https://tracker.example/a.css">`);
    expect(out).toBe("<p>text</p>");
  });

  it("makes links absolute against the page (or its <base>) with safe rel and target", () => {
    const out = clean(`<a href="/other">a</a> <a href="next.html">b</a> <a href="mailto:desk@news.example">c</a> <a href="//cdn.example/x">d</a>`);
    expect(out).toBe(
      `<a href="https://news.example/other" target="_blank" rel="noopener noreferrer nofollow">a</a> ` +
        `<a href="https://news.example/section/next.html" target="_blank" rel="noopener noreferrer nofollow">b</a> ` +
        `<a>c</a> ` +
        `<a href="https://cdn.example/x" target="_blank" rel="noopener noreferrer nofollow">d</a>`,
    );
    const based = clean(`<html><head><base href="https://mirror.example/dir/"></head><body><a href="p">p</a></body></html>`);
    expect(based).toContain(`href="https://mirror.example/dir/p"`);
  });

  it("replaces images with their alt text unless asked to keep them", () => {
    expect(clean(`<p><img src="/chart.png" alt="Chart of  unemployment"><img src="/spacer.gif"></p>`)).toBe("<p>[Image: Chart of unemployment]</p>");
    const kept = clean(`<img src="/chart.png" alt="Chart" srcset="a.png 2x"><img src="data:image/png;base64,AAAA">`, { keepImages: true });
    expect(kept).toBe(`<img src="https://news.example/chart.png" alt="Chart" referrerpolicy="no-referrer" loading="lazy">`);
  });

  it("prefixes ids and names so they cannot clobber the viewing page", () => {
    expect(clean(`<h2 id="location">Where</h2>`)).toBe(`<h2 id="user-content-location">Where</h2>`);
  });

  it("keeps the article text of a real page", () => {
    const html = fs.readFileSync(path.join(import.meta.dirname, "testdata/pages/wordpress-yoast.html"), "utf8");
    const out = sanitizeSnapshotHtml(html, "https://ledgerblog.example/2024/02/council-bin-figures/");
    expect(out).toContain("The council says 62% of household waste was recycled last year.");
    expect(out).toContain(`href="https://ledgerblog.example/author/priya/"`);
    expect(out).not.toMatch(/<script|<link|ld\+json/);
  });
});
