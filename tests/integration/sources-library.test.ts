import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { getArticle, importArticle } from "@/lib/data/articles";
import { addSourceToClaim } from "@/lib/data/sources";
import { getSource, listMergeCandidates, listSources } from "@/lib/data/source-library";
import { getFullReport } from "@/lib/data/report";
import { mergeSources, updateSource } from "@/lib/data/source-edit";
import { getLowCredibilityClaims, setDomainRating, setSourceCredibility } from "@/lib/data/source-credibility";
import { archiveSource, checkSourceLink } from "@/lib/data/source-health";
import { addNonWebSource } from "@/lib/data/source-uploads";
import { GET as listRoute } from "@/app/api/v1/sources/route";
import { GET as blobRoute } from "@/app/api/v1/blobs/[sha256]/route";
import { POST as mergeRoute } from "@/app/api/v1/sources/[sourceId]/merge/route";
import { withFixtureWeb } from "@/tests/support/fixture-web";
import { SAMPLE_TEXT, type Person } from "@/tests/support/people";

const web = withFixtureWeb(2000);

const get = (p: Person, path: string) =>
  new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${p.token}` } });
const ctx = <P>(params: P) => ({ params: Promise.resolve(params) });

async function article(title: string) {
  return importArticle(web.team.editor.actor, { title, text: SAMPLE_TEXT });
}

describe("source records", () => {
  it("de-duplicates on the canonical URL across claims and articles", async () => {
    const a = await article("Dedup A");
    const b = await article("Dedup B");
    const first = await addSourceToClaim(web.team.editor.actor, a.claims[0]!.id, {
      url: "HTTPS://News.Example.ORG:443/story/%7Eone?utm_source=x&id=7&fbclid=abc#part",
      relation: "supports",
    });
    const second = await addSourceToClaim(web.team.editor.actor, b.claims[1]!.id, {
      url: "https://news.example.org./story/~one?id=7&utm_medium=email",
      title: "The story",
      relation: "refutes",
      quote: "one",
      locator: "p. 4",
    });
    expect(first.url).toBe("https://news.example.org/story/~one?id=7");
    expect(second.sourceId).toBe(first.sourceId);
    expect(second).toMatchObject({ title: "The story", locator: "p. 4" });
    expect(await db.source.count({ where: { url: "https://news.example.org/story/~one?id=7" } })).toBe(1);
    const source = await db.source.findUniqueOrThrow({ where: { id: first.sourceId } });
    expect(source).toMatchObject({ domain: "news.example.org", title: "The story" });
    expect(source.accessedAt).toBeInstanceOf(Date);
    const view = await getSource(web.team.reviewer.actor, first.sourceId);
    expect("claims" in view && view.claims.map((c) => [c.articleTitle, c.relation, c.locator])).toEqual([
      ["Dedup A", "supports", null],
      ["Dedup B", "refutes", "p. 4"],
    ]);
    // The same count as the library's list gives.
    expect(view).toMatchObject({ claimCount: 2 });
  });

  it("refuses other schemes and unknown claimtrack: identifiers", async () => {
    const a = await article("Schemes");
    const claimId = a.claims[0]!.id;
    await expect(
      addSourceToClaim(web.team.editor.actor, claimId, { url: "javascript:alert(1)", relation: "supports" }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      addSourceToClaim(web.team.editor.actor, claimId, { url: "file:///etc/passwd", relation: "supports" }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      addSourceToClaim(web.team.editor.actor, claimId, {
        url: "claimtrack:offline/00000000-0000-4000-8000-000000000000",
        relation: "supports",
      }),
    ).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/No uploaded or offline source/) });
  });

  it("edits metadata, lists, searches and filters the library with claim counts", async () => {
    const a = await article("Library");
    const link = await addSourceToClaim(web.team.editor.actor, a.claims[0]!.id, {
      url: "https://stats.example.gov/road-deaths-2023",
      relation: "supports",
    });
    await addSourceToClaim(web.team.editor.actor, a.claims[1]!.id, {
      url: "https://stats.example.gov/road-deaths-2023",
      relation: "context",
    });
    await updateSource(web.team.editor.actor, link.sourceId, {
      title: "Road deaths 2023",
      type: "dataset",
      notes: "Table 4",
      publishedAt: "2024-02-01",
    });
    await expect(updateSource(web.team.reviewer.actor, link.sourceId, { title: "x" })).rejects.toMatchObject({ status: 403 });
    await expect(updateSource(web.team.editor.actor, link.sourceId, { type: "rumour" })).rejects.toMatchObject({ status: 422 });
    const byTitle = await listSources(web.team.reviewer.actor, { q: "road DEATHS" });
    expect(byTitle.items).toHaveLength(1);
    expect(byTitle.items[0]).toMatchObject({
      title: "Road deaths 2023",
      type: "dataset",
      domain: "stats.example.gov",
      claimCount: 2,
      isWeb: true,
    });
    expect((await listSources(web.team.reviewer.actor, { q: "stats.example.gov" })).total).toBe(1);
    // "_" and "%" are the text typed, not LIKE wildcards ("road_deaths" would match "road-deaths").
    expect((await listSources(web.team.reviewer.actor, { q: "road_deaths" })).total).toBe(0);
    expect((await listSources(web.team.reviewer.actor, { q: "stats.example.gov/road%2023" })).total).toBe(0);
    expect((await listSources(web.team.reviewer.actor, { q: "ROAD-deaths-2023" })).total).toBe(1);
    expect((await listSources(web.team.reviewer.actor, { q: "road", type: "news article" })).total).toBe(0);
    expect((await listSources(web.team.reviewer.actor, { q: "road", health: "unchecked" })).total).toBe(1);
    expect((await listSources(web.team.reviewer.actor, { q: "road", health: "gone" })).total).toBe(0);
    const res = await listRoute(get(web.team.reviewer, "/api/v1/sources?type=dataset&q=road"), ctx({}));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { total: number }).total).toBe(1);
    await updateSource(web.team.editor.actor, link.sourceId, { notes: "" });
    expect((await db.source.findUniqueOrThrow({ where: { id: link.sourceId } })).notes).toBeNull();
  });

  it("links a source to a claim once per relation, quote and locator, also after a merge", async () => {
    const a = await article("Twice");
    const claimId = a.claims[0]!.id;
    const first = await addSourceToClaim(web.team.editor.actor, claimId, { url: "https://twice.example/a", relation: "supports", locator: "p. 3" });
    // The same link again is refused and names the first.
    await expect(
      addSourceToClaim(web.team.editor.actor, claimId, { url: "https://twice.example/a", relation: "supports", locator: "p. 3" }),
    ).rejects.toMatchObject({ status: 409, message: 'This claim already cites this source as "supports" with the same quote and locator', details: { linkId: first.id } });
    // Another passage, or another relation, is another link.
    await addSourceToClaim(web.team.editor.actor, claimId, { url: "https://twice.example/a", relation: "supports", locator: "p. 9" });
    await addSourceToClaim(web.team.editor.actor, claimId, { url: "https://twice.example/a", relation: "context", locator: "p. 3" });
    expect(await db.claimSource.count({ where: { claimId } })).toBe(3);

    // Two records of one page, both cited by the claim as context: merged, the claim cites it once.
    const other = await addSourceToClaim(web.team.editor.actor, claimId, { url: "https://twice.example/a/", relation: "context", locator: "p. 3" });
    expect(other.sourceId).not.toBe(first.sourceId);
    expect(await mergeSources(web.team.editor.actor, other.sourceId, { intoId: first.sourceId })).toEqual({ keptId: first.sourceId, movedLinks: 0 });
    const links = await db.claimSource.findMany({ where: { claimId }, select: { sourceId: true, relation: true, locator: true } });
    expect(links.map((l) => `${l.relation} ${l.locator}`).sort()).toEqual(["context p. 3", "supports p. 3", "supports p. 9"]);
    expect(links.every((l) => l.sourceId === first.sourceId)).toBe(true);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "source.merge", entityId: other.sourceId } });
    expect(JSON.parse(event.after!)).toMatchObject({ movedLinks: 1, droppedDuplicateLinks: 1 });
  });

  it("tells links apart by quote and locator as read: white space alone makes no other link, also in a merge", async () => {
    const a = await article("Twice, spaced");
    const claimId = a.claims[0]!.id;
    const editor = web.team.editor.actor;
    const first = await addSourceToClaim(editor, claimId, { url: "https://spaced.example/a", relation: "supports", quote: "Exports fell\nby a third" });
    await expect(
      addSourceToClaim(editor, claimId, { url: "https://spaced.example/a", relation: "supports", quote: "  Exports  fell by\ta third " }),
    ).rejects.toMatchObject({ status: 409, details: { linkId: first.id } });
    // A locator stored before locators were made one line, with its white space as typed.
    const old = await db.claimSource.create({
      data: { claimId, sourceId: first.sourceId, relation: "context", locator: " p.  3 ", createdById: editor.id! },
    });
    await expect(addSourceToClaim(editor, claimId, { url: "https://spaced.example/a", relation: "context", locator: "p. 3" })).rejects.toMatchObject({
      status: 409,
      details: { linkId: old.id },
    });
    // Other words are another link; the stored quote keeps its line break.
    await addSourceToClaim(editor, claimId, { url: "https://spaced.example/a", relation: "supports", quote: "Exports rose" });
    expect((await db.claimSource.findUniqueOrThrow({ where: { id: first.id } })).quote).toBe("Exports fell\nby a third");

    // A second record of the page, cited with the same quote spaced otherwise: merged, one link stays, the older.
    const other = await addSourceToClaim(editor, claimId, { url: "https://spaced.example/a/", relation: "supports", quote: "Exports fell  by a third" });
    expect(other.sourceId).not.toBe(first.sourceId);
    expect(await mergeSources(editor, other.sourceId, { intoId: first.sourceId })).toEqual({ keptId: first.sourceId, movedLinks: 0 });
    const links = await db.claimSource.findMany({ where: { claimId }, select: { id: true, sourceId: true } });
    expect(links).toHaveLength(3);
    expect(links.map((l) => l.id)).toEqual(expect.arrayContaining([first.id, old.id]));
    expect(links.some((l) => l.id === other.id)).toBe(false);
    expect(links.every((l) => l.sourceId === first.sourceId)).toBe(true);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "source.merge", entityId: other.sourceId } });
    expect(JSON.parse(event.after!)).toMatchObject({ movedLinks: 1, droppedDuplicateLinks: 1 });
  });

  it("merges a duplicate: every link moves to the kept source in one go and the duplicate leaves the library", async () => {
    const a = await article("Merge");
    const keep = await addSourceToClaim(web.team.editor.actor, a.claims[0]!.id, {
      url: "https://merge.example/report",
      relation: "supports",
    });
    const dup1 = await addSourceToClaim(web.team.editor.actor, a.claims[1]!.id, {
      url: "https://merge.example/report.html",
      title: "The report",
      relation: "origin",
    });
    const dup2 = await addSourceToClaim(web.team.editor.actor, a.claims[2]!.id, {
      url: "https://merge.example/report.html",
      relation: "context",
    });
    expect(dup2.sourceId).toBe(dup1.sourceId);
    const candidates = await listMergeCandidates(web.team.editor.actor, dup1.sourceId);
    expect(candidates.map((c) => c.id)).toContain(keep.sourceId);

    await expect(mergeSources(web.team.reviewer.actor, dup1.sourceId, { intoId: keep.sourceId })).rejects.toMatchObject({
      status: 403,
    });
    await expect(mergeSources(web.team.editor.actor, dup1.sourceId, { intoId: dup1.sourceId })).rejects.toMatchObject({
      status: 422,
    });
    const res = await mergeRoute(
      new Request(`http://localhost/api/v1/sources/${dup1.sourceId}/merge`, {
        method: "POST",
        headers: { authorization: `Bearer ${web.team.editor.token}`, "content-type": "application/json" },
        body: JSON.stringify({ intoId: keep.sourceId }),
      }),
      ctx({ sourceId: dup1.sourceId }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ keptId: keep.sourceId, movedLinks: 2 });

    expect(await db.claimSource.count({ where: { sourceId: dup1.sourceId } })).toBe(0);
    expect(await db.claimSource.count({ where: { sourceId: keep.sourceId } })).toBe(3);
    const merged = await db.source.findUniqueOrThrow({ where: { id: dup1.sourceId } });
    expect(merged.mergedIntoId).toBe(keep.sourceId);
    // The kept source takes the title it lacked, and the duplicate's URL now leads to it.
    expect((await db.source.findUniqueOrThrow({ where: { id: keep.sourceId } })).title).toBe("The report");
    expect((await listSources(web.team.editor.actor, { q: "merge.example" })).items.map((s) => s.id)).toEqual([keep.sourceId]);
    expect(await getSource(web.team.editor.actor, dup1.sourceId)).toEqual({ mergedIntoId: keep.sourceId });
    const again = await addSourceToClaim(web.team.editor.actor, a.claims[3]!.id, {
      url: "https://merge.example/report.html",
      relation: "supports",
    });
    expect(again.sourceId).toBe(keep.sourceId);
    await expect(mergeSources(web.team.editor.actor, keep.sourceId, { intoId: dup1.sourceId })).rejects.toMatchObject({
      status: 422,
      message: "The source to keep was itself merged into another: merge into that one",
      details: { mergedIntoId: keep.sourceId },
    });
    // Merging the duplicate again (a second tab, a repeated request) says what happened to it.
    await expect(mergeSources(web.team.editor.actor, dup1.sourceId, { intoId: keep.sourceId })).rejects.toMatchObject({
      status: 409,
      message: "This source was already merged into another; its links are there now",
      details: { mergedIntoId: keep.sourceId },
    });
    await expect(mergeSources(web.team.editor.actor, "no-such-source", { intoId: keep.sourceId })).rejects.toMatchObject({ status: 404 });
    await expect(mergeSources(web.team.editor.actor, keep.sourceId, { intoId: "no-such-source" })).rejects.toMatchObject({
      status: 422,
      message: "The source to keep does not exist",
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "source.merge", entityId: dup1.sourceId } });
    expect(JSON.parse(event.after!)).toMatchObject({ mergedIntoId: keep.sourceId, movedLinks: 2 });
  });

  it("refuses to merge while a citing article is approved", async () => {
    const a = await article("Approved merge");
    const keep = await addSourceToClaim(web.team.editor.actor, a.claims[0]!.id, {
      url: "https://approved.example/a",
      relation: "supports",
    });
    const dup = await addSourceToClaim(web.team.editor.actor, a.claims[1]!.id, {
      url: "https://approved.example/b",
      relation: "supports",
    });
    await db.article.update({ where: { id: a.id }, data: { reviewState: "approved" } });
    await expect(mergeSources(web.team.editor.actor, dup.sourceId, { intoId: keep.sourceId })).rejects.toMatchObject({ status: 403 });
    expect(await db.claimSource.count({ where: { sourceId: dup.sourceId } })).toBe(1);
  });

  it("keeps the title and publisher an approved article's report shows, but lets the library's own notes change", async () => {
    const a = await article("Approved edit");
    const cited = await addSourceToClaim(web.team.editor.actor, a.claims[0]!.id, {
      url: "https://approved.example/edit",
      title: "Joint statement",
      relation: "supports",
    });
    await db.article.update({ where: { id: a.id }, data: { reviewState: "approved" } });
    const report = JSON.stringify(await getFullReport(web.team.reviewer.actor, a.id));
    for (const change of [{ title: "Renamed" }, { publisher: "Someone else" }, { title: "Renamed", notes: "checked" }]) {
      await expect(updateSource(web.team.editor.actor, cited.sourceId, change)).rejects.toMatchObject({
        status: 403,
        message: expect.stringMatching(/approved and read-only/),
      });
    }
    // Sending the title it already has, and fields no report shows, are fine.
    await updateSource(web.team.editor.actor, cited.sourceId, { title: "Joint statement", notes: "Checked by phone", author: "Ministry" });
    expect(await db.source.findUniqueOrThrow({ where: { id: cited.sourceId } })).toMatchObject({ title: "Joint statement", notes: "Checked by phone" });
    expect(JSON.stringify(await getFullReport(web.team.reviewer.actor, a.id))).toBe(report);

    // Merging a titled source from a draft into the approved article's untitled one would title it there.
    const draft = await article("Draft beside it");
    const titled = await addSourceToClaim(web.team.editor.actor, draft.claims[0]!.id, { url: "https://approved.example/titled", title: "Has a title", relation: "context" });
    await db.article.update({ where: { id: a.id }, data: { reviewState: "draft" } });
    const bare = await addSourceToClaim(web.team.editor.actor, a.claims[1]!.id, { url: "https://approved.example/untitled", relation: "context" });
    await db.article.update({ where: { id: a.id }, data: { reviewState: "approved" } });
    await expect(mergeSources(web.team.editor.actor, titled.sourceId, { intoId: bare.sourceId })).rejects.toMatchObject({ status: 403 });
    expect(await db.source.findUniqueOrThrow({ where: { id: bare.sourceId } })).toMatchObject({ title: null });

    // Citing the untitled source from the draft, with a title and publisher, links it without titling it.
    const approvedReport = JSON.stringify(await getFullReport(web.team.reviewer.actor, a.id));
    const linked = await addSourceToClaim(web.team.editor.actor, draft.claims[1]!.id, {
      url: "https://approved.example/untitled",
      title: "Retitled from a draft",
      publisher: "Other Pub",
      author: "A. Writer",
      relation: "context",
    });
    expect(linked).toMatchObject({ sourceId: bare.sourceId, title: null });
    expect(await db.source.findUniqueOrThrow({ where: { id: bare.sourceId } })).toMatchObject({ title: null, publisher: null, author: "A. Writer" });
    expect(JSON.stringify(await getFullReport(web.team.reviewer.actor, a.id))).toBe(approvedReport);
    // What it did fill is in the audit log, as an edit of the source is.
    const filled = await db.auditEvent.findFirstOrThrow({ where: { action: "source.update", entityId: bare.sourceId } });
    expect([JSON.parse(filled.before!), JSON.parse(filled.after!), filled.actorId]).toEqual([{ author: null }, { author: "A. Writer" }, web.team.editor.actor.id]);
  });
});

describe("credibility", () => {
  it("rates sources and publisher domains; the report counts claims only low-credibility sources back", async () => {
    const a = await article("Credibility");
    const [c0, c1, c2, c3] = a.claims;
    const tabloid = await addSourceToClaim(web.team.editor.actor, c0!.id, {
      url: "https://www.tabloid.example/shock",
      relation: "supports",
    });
    await addSourceToClaim(web.team.editor.actor, c1!.id, { url: "https://tabloid.example/other", relation: "origin" });
    const blog = await addSourceToClaim(web.team.editor.actor, c1!.id, { url: "https://blog.example/post", relation: "supports" });
    await addSourceToClaim(web.team.editor.actor, c2!.id, { url: "https://tabloid.example/third", relation: "supports" });
    await addSourceToClaim(web.team.editor.actor, c2!.id, { url: "https://wire.example/solid", relation: "supports" });
    await addSourceToClaim(web.team.editor.actor, c3!.id, { url: "https://tabloid.example/fourth", relation: "context" });

    expect((await getLowCredibilityClaims(web.team.reviewer.actor, a.id)).count).toBe(0);
    // A reviewer may rate; the publisher's rating covers every source of the domain, www or not.
    const domain = await setDomainRating(web.team.reviewer.actor, {
      domain: "https://WWW.Tabloid.example/",
      rating: "unreliable",
      note: "Fabricated quotes in 2023",
    });
    expect(domain).toMatchObject({ domain: "tabloid.example", level: "unreliable", setBy: web.team.reviewer.actor.name });
    await setSourceCredibility(web.team.editor.actor, blog.sourceId, { rating: "mixed", note: "Anonymous author" });
    await setSourceCredibility(
      web.team.editor.actor,
      (await db.source.findUniqueOrThrow({ where: { url: "https://wire.example/solid" } })).id,
      { rating: "reliable" },
    );

    const report = await getLowCredibilityClaims(web.team.reviewer.actor, a.id);
    // c0: only an unreliable source; c1: unreliable + mixed; c2 has a reliable source too; c3's source is only context.
    expect(report.claims.map((c) => c.id)).toEqual([c0!.id, c1!.id]);
    expect(report.count).toBe(2);
    expect(report.claims[0]).toMatchObject({ number: 1, sources: [{ credibility: { level: "unreliable", from: "domain" } }] });
    // The annotate page's claim views carry the same ratings on each link.
    const annotated = await getArticle(web.team.editor.actor, a.id);
    const byLink = new Map(annotated.claims.flatMap((c) => c.sources).map((l) => [l.id, l.credibility]));
    expect(byLink.get(tabloid.id)).toEqual({ level: "unreliable", from: "domain" });
    expect(byLink.get(blog.id)).toEqual({ level: "mixed", from: "source" });
    expect([...byLink.values()].filter((c) => c?.level === "reliable")).toEqual([{ level: "reliable", from: "source" }]);

    // A source's own rating outranks its publisher's.
    await setSourceCredibility(web.team.editor.actor, tabloid.sourceId, { rating: "reliable", note: "This one checks out" });
    expect((await getLowCredibilityClaims(web.team.reviewer.actor, a.id)).claims.map((c) => c.id)).toEqual([c1!.id]);
    const view = await getSource(web.team.reviewer.actor, tabloid.sourceId);
    expect(view).toMatchObject({
      credibility: { level: "reliable", from: "source" },
      ownRating: { level: "reliable", note: "This one checks out", setBy: web.team.editor.actor.name },
      domainRating: { level: "unreliable", note: "Fabricated quotes in 2023" },
    });
    await expect(setSourceCredibility(web.team.editor.actor, tabloid.sourceId, { rating: "great" })).rejects.toMatchObject({
      status: 422,
    });
    await expect(setDomainRating(web.team.editor.actor, { domain: "not a domain!", rating: "mixed" })).rejects.toMatchObject({
      status: 422,
    });
    await expect(setSourceCredibility(null, tabloid.sourceId, { rating: "mixed" })).rejects.toMatchObject({ status: 401 });
  });
});

describe("link health and archiving", () => {
  it("marks a source ok, redirected, gone or unreachable with the check time", async () => {
    const a = await article("Health");
    const cases = [
      [`${web.server.origin}/ok`, "ok", 200],
      [`${web.server.origin}/moved`, "redirected", 200],
      [`${web.server.origin}/status/404`, "gone", 404],
      [`${web.server.origin}/status/410`, "gone", 410],
      [`${web.server.origin}/status/500`, "unreachable", 500],
      ["http://10.9.8.7/private", "unreachable", null],
    ] as const;
    for (const [i, [url, status, httpStatus]] of cases.entries()) {
      const link = await addSourceToClaim(web.team.editor.actor, a.claims[i % a.claims.length]!.id, { url, relation: "context" });
      const health = await checkSourceLink(web.team.editor.actor, link.sourceId);
      expect(health).toMatchObject({ status, httpStatus });
      const row = await db.source.findUniqueOrThrow({ where: { id: link.sourceId } });
      expect(row).toMatchObject({ health: status, healthHttpStatus: httpStatus });
      expect(row.healthCheckedAt).toBeInstanceOf(Date);
    }
    expect((await listSources(web.team.editor.actor, { q: web.server.hostPort.split(":")[0], health: "gone" })).total).toBe(2);
    const link = await addSourceToClaim(web.team.editor.actor, a.claims[0]!.id, { url: `${web.server.origin}/ok`, relation: "supports" });
    await expect(checkSourceLink(web.team.reviewer.actor, link.sourceId)).rejects.toMatchObject({ status: 403 });
  });

  it("records a Wayback capture, and fails clearly when the archive cannot be reached", async () => {
    const a = await article("Archive");
    const link = await addSourceToClaim(web.team.editor.actor, a.claims[0]!.id, {
      url: "https://archive-me.example/page",
      relation: "supports",
    });
    // No network here: web.archive.org does not resolve. Nothing is recorded.
    await expect(archiveSource(web.team.editor.actor, link.sourceId)).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(/^The Wayback Machine could not save https:\/\/archive-me\.example\/page: /),
    });
    expect((await db.source.findUniqueOrThrow({ where: { id: link.sourceId } })).archiveUrl).toBeNull();
    const endpoint = env.WAYBACK_ENDPOINT;
    env.WAYBACK_ENDPOINT = web.server.origin;
    try {
      const saved = await archiveSource(web.team.editor.actor, link.sourceId);
      expect(saved).toEqual({
        archiveUrl: `${web.server.origin}/web/20240315091200/https://archive-me.example/page`,
        archivedAt: "2024-03-15T09:12:00.000Z",
      });
      expect((await db.source.findUniqueOrThrow({ where: { id: link.sourceId } })).archiveUrl).toBe(saved.archiveUrl);
    } finally {
      env.WAYBACK_ENDPOINT = endpoint;
    }
  });
});

describe("sources that are not web pages", () => {
  it("stores an upload content-addressed and serves it as a download with a safe type", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.4 fake report");
    const first = await addNonWebSource(
      web.team.editor.actor,
      { title: "Ministry letter", type: "official document" },
      { name: "letter.pdf", bytes, contentType: "application/pdf" },
    );
    const again = await addNonWebSource(
      web.team.editor.actor,
      { title: "Same letter" },
      { name: "copy.pdf", bytes, contentType: "application/pdf" },
    );
    expect(first.url).toMatch(/^claimtrack:file\/[0-9a-f]{64}$/);
    expect(again).toEqual({ id: first.id, url: first.url, isNew: false });
    const sha = first.url.slice("claimtrack:file/".length);
    expect(await db.blob.count({ where: { sha256: sha } })).toBe(1);

    const res = await blobRoute(get(web.team.reviewer, `/api/v1/blobs/${sha}`), ctx({ sha256: sha }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="letter.pdf"/);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    expect((await blobRoute(new Request(`http://localhost/api/v1/blobs/${sha}`), ctx({ sha256: sha }))).status).toBe(401);

    // An uploaded HTML page is never served as HTML.
    const html = await addNonWebSource(
      web.team.editor.actor,
      { title: "Page" },
      { name: "x.html", bytes: new TextEncoder().encode("<script>alert(1)</script>"), contentType: "text/html" },
    );
    const htmlSha = html.url.slice("claimtrack:file/".length);
    const served = await blobRoute(get(web.team.editor, `/api/v1/blobs/${htmlSha}`), ctx({ sha256: htmlSha }));
    expect(served.headers.get("content-type")).toBe("application/octet-stream");
    expect(served.headers.get("content-disposition")).toMatch(/^attachment/);

    // It can be cited on a claim by its identifier, and is never checked as a link.
    const a = await article("Upload cite");
    const link = await addSourceToClaim(web.team.editor.actor, a.claims[0]!.id, {
      url: first.url,
      relation: "supports",
      locator: "p. 2",
    });
    expect(link.sourceId).toBe(first.id);
    await expect(checkSourceLink(web.team.editor.actor, first.id)).rejects.toMatchObject({ status: 422 });
    expect((await listSources(web.team.editor.actor, { q: "Ministry letter" })).items[0]).toMatchObject({
      isWeb: false,
      claimCount: 1,
    });
  });

  it("records a phone interview without a file and refuses oversize uploads", async () => {
    const one = await addNonWebSource(
      web.team.editor.actor,
      { title: "Phone interview with the harbour master", author: "J. Berg", publishedAt: "2024-03-02" },
      null,
    );
    const two = await addNonWebSource(web.team.editor.actor, { title: "Phone interview with the harbour master" }, null);
    expect(one.url).toMatch(/^claimtrack:offline\/[0-9a-f-]{36}$/);
    expect(two.id).not.toBe(one.id);
    expect(await db.source.findUniqueOrThrow({ where: { id: one.id } })).toMatchObject({
      type: "interview",
      author: "J. Berg",
      fileSha256: null,
    });
    await expect(addNonWebSource(web.team.editor.actor, { title: "" }, null)).rejects.toMatchObject({ status: 422 });
    await expect(
      addNonWebSource(
        web.team.editor.actor,
        { title: "Big" },
        { name: "big.pdf", bytes: new Uint8Array(5 * 1024 * 1024 + 1), contentType: "application/pdf" },
      ),
    ).rejects.toMatchObject({ status: 413 });
    await expect(addNonWebSource(web.team.reviewer.actor, { title: "No" }, null)).rejects.toMatchObject({ status: 403 });
  });
});
