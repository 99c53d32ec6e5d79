import { beforeAll, describe, expect, it } from "vitest";
import { containsText, db } from "@/lib/db";
import { env } from "@/lib/env";
import { listMigrations } from "@/lib/migrate";
import { MAX_CLAIMS_PER_ARTICLE, getArticle, getArticleReport, importArticle, listArticles } from "@/lib/data/articles";
import { importRevision } from "@/lib/data/revisions";
import { updateClaim } from "@/lib/data/claims";
import { undoLastChange } from "@/lib/data/undo";
import { addSourceToClaim } from "@/lib/data/sources";
import { AppError } from "@/lib/errors";
import { SAMPLE_TEXT, makeTeam, type Person } from "@/tests/support/people";

let team: { admin: Person; editor: Person; reviewer: Person };
beforeAll(async () => {
  team = await makeTeam();
});

const rejects = async (p: Promise<unknown>, code: string) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
};

describe("importArticle", () => {
  it("stores the text and one claim per sentence with exact offsets", async () => {
    const article = await importArticle(team.editor.actor, {
      title: "Ottawa",
      text: SAMPLE_TEXT,
      url: "https://example.com/ottawa",
      publisher: "Example News",
      publishedAt: "2025-03-18",
    });
    expect(article.claims).toHaveLength(4);
    for (const claim of article.claims) {
      expect(article.revision.text.slice(claim.start, claim.end)).toBe(claim.text);
      expect(claim.tag).toBeNull();
      expect(claim.version).toBe(1);
    }
    expect(article.claims[0]!.text).toBe("Ottawa treaty withdrawal");
    const stored = await db.claim.findMany({ where: { articleId: article.id }, select: { prefix: true, suffix: true, text: true } });
    expect(stored).toHaveLength(4);
    expect(stored.every((c) => SAMPLE_TEXT.includes(c.prefix + c.text + c.suffix))).toBe(true);
    expect(article.publishedAt).toBe("2025-03-18T00:00:00.000Z");
  });

  it("offers no claim for a line of page furniture, which stays in the text", async () => {
    const text = "Poland will leave the treaty.\nRead more\nFinland agreed.\n\nADVERTISEMENT\n\nShare this article:\nPrices rose";
    const article = await importArticle(team.editor.actor, { title: "Furniture", text });
    expect(article.revision.text).toBe(text);
    expect(article.claims.map((c) => c.text)).toEqual(["Poland will leave the treaty.", "Finland agreed.", "Prices rose"]);
    for (const c of article.claims) expect(text.slice(c.start, c.end)).toBe(c.text);
    // A correction that adds furniture gets no new claim for it either.
    const revised = await importRevision(team.editor.actor, article.id, { text: `${text}\nSign up for our newsletter\nCritics denied it.` });
    expect(revised.claims.filter((c) => c.status === "new").map((c) => c.text)).toEqual(["Critics denied it."]);
    expect(await db.claim.count({ where: { articleId: article.id, deletedAt: null } })).toBe(4);
  });

  it("normalises CRLF line endings before storing", async () => {
    const article = await importArticle(team.editor.actor, { title: "CRLF", text: "One.\r\nTwo.\r\n" });
    expect(article.revision.text).toBe("One.\nTwo.");
    expect(article.claims.map((c) => c.text)).toEqual(["One.", "Two."]);
  });

  it("refuses bad input with a specific message and stores nothing", async () => {
    const before = await db.article.count();
    const empty = await rejects(importArticle(team.editor.actor, { title: " ", text: "x" }), "validation_failed");
    expect(empty.fields?.title).toEqual(["Title is required"]);
    const blank = await rejects(importArticle(team.editor.actor, { title: "T", text: "  \n " }), "validation_failed");
    expect(blank.fields?.text).toEqual(["Article text is empty"]);
    const big = await rejects(importArticle(team.editor.actor, { title: "T", text: "a".repeat(2 * 1024 * 1024 + 1) }), "validation_failed");
    expect(big.message).toMatch(/larger than 2 MB/);
    const url = await rejects(importArticle(team.editor.actor, { title: "T", text: "x.", url: "javascript:alert(1)" }), "validation_failed");
    expect(url.fields?.url?.[0]).toMatch(/http/);
    expect(await db.article.count()).toBe(before);
  });

  it("refuses a text of more claims than an article holds, before writing anything, and the same for a revision", async () => {
    const sentences = (n: number) => Array.from({ length: n }, (_, i) => `Claim number ${i + 1} is here.`).join(" ");
    const before = await db.article.count();
    await expect(importArticle(team.editor.actor, { title: "Too many", text: sentences(MAX_CLAIMS_PER_ARTICLE + 1) })).rejects.toMatchObject({
      status: 422,
      message: "This text splits into 10,001 claims; an article holds at most 10,000. Import it as several articles.",
    });
    expect(await db.article.count()).toBe(before);

    const article = await importArticle(team.editor.actor, { title: "Grows", text: "One claim. Another claim." });
    await expect(importRevision(team.editor.actor, article.id, { text: sentences(MAX_CLAIMS_PER_ARTICLE + 5) })).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(/^This text splits into 10,005 claims/),
    });
    expect(await db.articleRevision.count({ where: { articleId: article.id } })).toBe(1);
  });

  it("refuses reviewers and anonymous callers", async () => {
    await rejects(importArticle(team.reviewer.actor, { title: "T", text: "x." }), "forbidden");
    await rejects(importArticle(null, { title: "T", text: "x." }), "unauthenticated");
  });
});

describe("updateClaim", () => {
  it("tags a claim, bumps its version and records who", async () => {
    const article = await importArticle(team.editor.actor, { title: "Tagging", text: SAMPLE_TEXT });
    const claim = article.claims[2]!;
    const updated = await updateClaim(team.editor.actor, claim.id, {
      tag: "attributed",
      speaker: "The governments",
      cue: "stated",
      version: 1,
    });
    expect(updated).toMatchObject({ tag: "attributed", speaker: "The governments", cue: "stated", version: 2 });
    expect(updated.taggedBy).toBe(team.editor.actor.name);
    const events = await db.auditEvent.findMany({ where: { entityId: claim.id } });
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.after!)).toMatchObject({ tag: "attributed" });
  });

  it("clears the speaker and cue of a claim re-tagged stated, refuses them on one, and undo brings them back", async () => {
    const article = await importArticle(team.editor.actor, { title: "Own voice", text: SAMPLE_TEXT });
    const claim = article.claims[2]!;
    await updateClaim(team.editor.actor, claim.id, { tag: "attributed", speaker: "The governments", cue: "stated", version: 1 });
    const stated = await updateClaim(team.editor.actor, claim.id, { tag: "stated", version: 2 });
    expect(stated).toMatchObject({ tag: "stated", speaker: null, cue: null, version: 3 });
    const [event] = await db.auditEvent.findMany({ where: { entityId: claim.id }, orderBy: [{ at: "desc" }, { id: "desc" }], take: 1 });
    expect(JSON.parse(event!.before!)).toEqual({ tag: "attributed", speaker: "The governments", cue: "stated" });

    const err = await rejects(updateClaim(team.editor.actor, claim.id, { speaker: "Reuters", version: 3 }), "validation_failed");
    expect(err.message).toBe("A stated claim is the article's own voice and has no speaker or cue: tag it attributed or disputed to record a speaker");
    const both = await rejects(updateClaim(team.editor.actor, claim.id, { tag: "stated", speaker: "Reuters", cue: "said", version: 3 }), "validation_failed");
    expect(both.message).toMatch(/to record a speaker and cue$/);
    expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ speaker: null, version: 3 });

    await undoLastChange(team.editor.actor, article.id);
    expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ tag: "attributed", speaker: "The governments", cue: "stated" });
    // A disputed claim keeps who disputes it.
    const disputed = await updateClaim(team.editor.actor, claim.id, { tag: "disputed", version: 4 });
    expect(disputed).toMatchObject({ tag: "disputed", speaker: "The governments", cue: "stated" });
  });

  it("clears the speaker and cue of a claim whose tag is cleared, refuses them on an untagged one, and undo brings them back", async () => {
    const article = await importArticle(team.editor.actor, { title: "Undecided", text: SAMPLE_TEXT });
    const claim = article.claims[2]!;
    await updateClaim(team.editor.actor, claim.id, { tag: "attributed", speaker: "The governments", cue: "stated", version: 1 });
    const cleared = await updateClaim(team.editor.actor, claim.id, { tag: null, version: 2 });
    expect(cleared).toMatchObject({ tag: null, speaker: null, cue: null, version: 3 });

    const err = await rejects(updateClaim(team.editor.actor, claim.id, { cue: "said", version: 3 }), "validation_failed");
    expect(err.message).toBe("An untagged claim has no speaker or cue: tag it attributed or disputed to record a cue");
    expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ cue: null, version: 3 });
    // Tagging and naming in one change is the way to record one.
    expect(await updateClaim(team.editor.actor, claim.id, { tag: "attributed", speaker: "Reuters", version: 3 })).toMatchObject({ speaker: "Reuters", version: 4 });

    await undoLastChange(team.editor.actor, article.id);
    await undoLastChange(team.editor.actor, article.id);
    expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ tag: "attributed", speaker: "The governments", cue: "stated" });
  });

  it("undo of a tag waits when a colleague has since set a speaker the old tag cannot have", async () => {
    const article = await importArticle(team.editor.actor, { title: "Undo under a speaker", text: SAMPLE_TEXT });
    const claim = article.claims[2]!;
    await updateClaim(team.editor.actor, claim.id, { tag: "attributed", version: 1 });
    await updateClaim(team.admin.actor, claim.id, { speaker: "The minister", cue: "said", version: 2 });
    await rejects(undoLastChange(team.editor.actor, article.id), "conflict");
    expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ tag: "attributed", speaker: "The minister", cue: "said", version: 3 });
  });

  it("has a migration that clears the speaker and cue earlier versions left on untagged claims", async () => {
    const article = await importArticle(team.editor.actor, { title: "Left behind", text: SAMPLE_TEXT });
    const [untagged, attributed] = article.claims;
    // As earlier versions left them: the tag cleared, the speaker and cue kept.
    await db.claim.update({ where: { id: untagged!.id }, data: { tag: null, speaker: "The governments", cue: "stated" } });
    await db.claim.update({ where: { id: attributed!.id }, data: { tag: "attributed", speaker: "Reuters", cue: "said" } });
    const migration = listMigrations(env.databaseKind).find((m) => m.name.endsWith("_untagged_claims_have_no_speaker"));
    await db.$executeRawUnsafe(migration!.sql);
    expect(await db.claim.findUniqueOrThrow({ where: { id: untagged!.id } })).toMatchObject({ tag: null, speaker: null, cue: null });
    expect(await db.claim.findUniqueOrThrow({ where: { id: attributed!.id } })).toMatchObject({ speaker: "Reuters", cue: "said" });
  });

  it("refuses a stale version with 409 and the current claim, writing nothing", async () => {
    const article = await importArticle(team.editor.actor, { title: "Conflict", text: SAMPLE_TEXT });
    const claim = article.claims[1]!;
    await updateClaim(team.editor.actor, claim.id, { tag: "stated", version: 1 });
    const err = await rejects(updateClaim(team.admin.actor, claim.id, { tag: "disputed", version: 1 }), "conflict");
    expect((err.details as { claim: { tag: string; version: number } }).claim).toMatchObject({ tag: "stated", version: 2 });
    const row = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(row.tag).toBe("stated");
  });

  it("writes nothing for a change to the value a field already has: same version, no event, no undo step", async () => {
    const article = await importArticle(team.editor.actor, { title: "No-op saves", text: SAMPLE_TEXT });
    const claim = article.claims[2]!;
    await updateClaim(team.editor.actor, claim.id, { tag: "attributed", speaker: "The governments", version: 1 });
    const events = () => db.auditEvent.count({ where: { entityId: claim.id } });
    expect(await events()).toBe(1);
    // Pressing "Attributed" again, clearing an empty note, retyping the speaker.
    for (const change of [{ tag: "attributed" }, { note: null }, { note: "" }, { speaker: " The governments " }]) {
      expect(await updateClaim(team.editor.actor, claim.id, { ...change, version: 2 })).toMatchObject({ version: 2, tag: "attributed", note: null });
    }
    expect(await events()).toBe(1);
    // A colleague who read version 2 still saves without a 409.
    expect(await updateClaim(team.admin.actor, claim.id, { note: "checked", version: 2 })).toMatchObject({ version: 3, note: "checked" });
    // Only the fields that change are written and recorded.
    await updateClaim(team.editor.actor, claim.id, { tag: "attributed", cue: "stated", version: 3 });
    const [last] = await db.auditEvent.findMany({ where: { entityId: claim.id }, orderBy: [{ at: "desc" }, { id: "desc" }], take: 1 });
    expect([JSON.parse(last!.before!), JSON.parse(last!.after!)]).toEqual([{ cue: null }, { cue: "stated" }]);
    // Undo takes back the last real change, the cue.
    await undoLastChange(team.editor.actor, article.id);
    expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ cue: null, note: "checked", tag: "attributed" });
  });

  it("refuses unknown tags and reviewers", async () => {
    const article = await importArticle(team.editor.actor, { title: "Bad tag", text: SAMPLE_TEXT });
    const claim = article.claims[0]!;
    const err = await rejects(updateClaim(team.editor.actor, claim.id, { tag: "opinion", version: 1 }), "validation_failed");
    expect(err.message).toMatch(/Unknown tag "opinion"/);
    await rejects(updateClaim(team.reviewer.actor, claim.id, { tag: "stated", version: 1 }), "forbidden");
    await rejects(updateClaim(team.editor.actor, "nope", { tag: "stated", version: 1 }), "not_found");
  });
});

describe("sources and the report", () => {
  it("shares one source record between claims and counts sourced claims", async () => {
    const article = await importArticle(team.editor.actor, { title: "Report", text: SAMPLE_TEXT });
    const [a, b, c] = article.claims;
    await addSourceToClaim(team.editor.actor, a!.id, { url: "https://example.com/statement?utm_source=x", relation: "origin", quote: "withdraw" });
    await addSourceToClaim(team.editor.actor, b!.id, { url: "https://EXAMPLE.com/statement", title: "Statement", relation: "supports" });
    expect(await db.source.count({ where: { url: "https://example.com/statement" } })).toBe(1);
    await updateClaim(team.editor.actor, a!.id, { tag: "stated", version: 1 });
    await updateClaim(team.editor.actor, c!.id, { tag: "attributed", speaker: "governments", cue: "stated", version: 1 });

    const report = await getArticleReport(team.reviewer.actor, article.id);
    expect(report.counts).toEqual({ stated: 1, disputed: 0, attributed: 1, untagged: 2 });
    expect(report.sourcedShare).toBe(0.5);
    expect(report.unsourced.map((x) => x.id)).toEqual([c!.id, article.claims[3]!.id]);
    expect(report.claims[1]!.sources[0]).toMatchObject({ title: "Statement", relation: "supports" });
  });

  it("refuses bad relations, non-http URLs and reviewers", async () => {
    const article = await importArticle(team.editor.actor, { title: "Bad source", text: SAMPLE_TEXT });
    const id = article.claims[0]!.id;
    const rel = await rejects(addSourceToClaim(team.editor.actor, id, { url: "https://x.org", relation: "proves" }), "validation_failed");
    expect(rel.message).toMatch(/Unknown relation "proves"/);
    await rejects(addSourceToClaim(team.editor.actor, id, { url: "ftp://x.org/a", relation: "context" }), "validation_failed");
    await rejects(addSourceToClaim(team.reviewer.actor, id, { url: "https://x.org", relation: "context" }), "forbidden");
    expect((await getArticle(team.editor.actor, article.id)).claims[0]!.sources).toEqual([]);
  });
});

describe("listArticles", () => {
  it("searches by title and shows progress", async () => {
    const article = await importArticle(team.editor.actor, { title: "Landmines and borders", text: SAMPLE_TEXT });
    await updateClaim(team.editor.actor, article.claims[0]!.id, { tag: "stated", version: 1 });
    const { items } = await listArticles(team.reviewer.actor, { q: "landmines" });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ title: "Landmines and borders", total: 4, tagged: 1 });
    expect(items[0]!.counts).toEqual({ stated: 1, disputed: 0, attributed: 0, untagged: 3 });
  });

  it("matches % and _ and \\ in a search literally, not as LIKE wildcards", async () => {
    const titles = ["Wildcards: growth of 100% in Q1", "Wildcards: growth of 1000 in Q1", "Wildcards: file a_b.csv", "Wildcards: file axb.csv", "Wildcards: C:\\data\\x"];
    for (const title of titles) await importArticle(team.editor.actor, { title, text: SAMPLE_TEXT });
    const found = async (q: string) => (await listArticles(team.reviewer.actor, { q })).items.map((a) => a.title).sort();
    expect(await found("100%")).toEqual([titles[0]]);
    expect(await found("OF 100% IN")).toEqual([titles[0]]);
    expect(await found("a_b")).toEqual([titles[2]]);
    expect(await found("%")).toEqual([titles[0]]);
    expect(await found("_")).toEqual([titles[2]]);
    expect(await found("c:\\data")).toEqual([titles[4]]);
    expect(await found("wildcards: file")).toEqual([titles[2], titles[3]].sort());
    // SQLite takes the matching ids as statement variables, so too many is said, not a 500.
    if (env.databaseKind === "sqlite") {
      await expect(containsText("Article", ["title"], "Wildcards: ", 1)).resolves.toMatchObject({ OR: [{ title: { contains: "Wildcards: " } }] });
      await expect(containsText("Article", ["title"], "_", 1)).resolves.toMatchObject({ id: { in: [expect.any(String)] } });
      await expect(containsText("Article", ["title"], "%", 0)).rejects.toMatchObject({
        status: 422,
        message: 'More than 0 records contain "%": add to the search to narrow it',
      });
    }
  });
});
