import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importArticle } from "@/lib/data/articles";
import { updateClaim } from "@/lib/data/claims";
import { addSourceToClaim } from "@/lib/data/sources";
import { transitionArticle } from "@/lib/data/review";
import { setClaimVerdict } from "@/lib/data/review-verdicts";
import { groupSpeakerName } from "@/lib/data/speakers";
import { searchClaims } from "@/lib/data/search";
import { getClaimStats } from "@/lib/data/search-stats";
import { toFts5Query } from "@/lib/data/search-sql";
import { GET as searchRoute } from "@/app/api/v1/claims/route";
import { GET as statsRoute } from "@/app/api/v1/claims/stats/route";
import { makeTeam, type Person } from "@/tests/support/people";

// The claim search on the database under test (SQLite FTS5 or PostgreSQL tsvector): the
// same expectations hold on both.

let team: { admin: Person; editor: Person; reviewer: Person };
const ids: Record<string, string> = {};

const ARTICLES = [
  {
    title: "Grain corridor",
    publishedAt: "2024-03-10",
    text: "Officials said the grain corridor carried four million tonnes.\nThe ministry denied that warships escorted the convoys.\nFarmers reported record harvests.",
  },
  {
    title: "Mines at the border",
    publishedAt: "2024-05-02",
    text: "The defence ministry said mines will be laid along the border.\nRussia's foreign ministry called the plan provocative.\nHarvests near the border were abandoned.",
  },
  {
    title: "Unrelated",
    publishedAt: "2025-01-20",
    text: "The central bank raised interest rates again.\nInflation slowed in December.",
  },
];

async function claimOf(articleId: string, startsWith: string) {
  return db.claim.findFirstOrThrow({ where: { articleId, text: { startsWith } } });
}

beforeAll(async () => {
  team = await makeTeam();
  for (const a of ARTICLES) ids[a.title] = (await importArticle(team.editor.actor, a)).id;
  const grain = await claimOf(ids["Grain corridor"]!, "Officials said");
  await updateClaim(team.editor.actor, grain.id, { tag: "attributed", speaker: "Officials", cue: "said", version: 1 });
  await addSourceToClaim(team.editor.actor, grain.id, {
    url: "https://www.un.org/grain",
    title: "UN report",
    relation: "origin",
  });
  const denied = await claimOf(ids["Grain corridor"]!, "The ministry denied");
  await updateClaim(team.editor.actor, denied.id, { tag: "disputed", version: 1 });
  await addSourceToClaim(team.editor.actor, denied.id, { url: "https://news.bbc.co.uk/escorts", relation: "refutes" });
  const mines = await claimOf(ids["Mines at the border"]!, "The defence ministry said");
  await updateClaim(team.editor.actor, mines.id, { tag: "attributed", speaker: "The defence ministry", cue: "said", version: 1 });
  await addSourceToClaim(team.editor.actor, mines.id, { url: "https://www.un.org/mines", relation: "supports" });
  const russia = await claimOf(ids["Mines at the border"]!, "Russia's foreign ministry");
  await updateClaim(team.editor.actor, russia.id, {
    tag: "attributed",
    speaker: "Russia's foreign ministry",
    cue: "called",
    version: 1,
  });
  const bank = await claimOf(ids.Unrelated!, "The central bank");
  await updateClaim(team.editor.actor, bank.id, { tag: "attributed", speaker: "Russia", version: 1 });
  await transitionArticle(team.editor.actor, ids["Mines at the border"]!, { action: "submit" });
  await setClaimVerdict(team.reviewer.actor, mines.id, { verdict: "true", version: 2 });
});

const search = async (filters: Record<string, string>) =>
  (await searchClaims(team.reviewer.actor, filters)).items.map((h) => h.text.replace(/\.$/, ""));

describe("claim search", () => {
  it("full text: stems, ANDs words, phrases, alternatives and exclusions", async () => {
    expect(await search({ q: "harvest" })).toEqual(
      expect.arrayContaining(["Farmers reported record harvests", "Harvests near the border were abandoned"]),
    );
    expect(await search({ q: "harvest" })).toHaveLength(2);
    expect(await search({ q: "ministry border" })).toEqual(["The defence ministry said mines will be laid along the border"]);
    expect(await search({ q: '"foreign ministry"' })).toEqual(["Russia's foreign ministry called the plan provocative"]);
    expect((await search({ q: "inflation or grain" })).sort()).toEqual([
      "Inflation slowed in December",
      "Officials said the grain corridor carried four million tonnes",
    ]);
    expect(await search({ q: "ministry -denied -foreign" })).toEqual([
      "The defence ministry said mines will be laid along the border",
    ]);
    expect(await search({ q: "zebra" })).toEqual([]);
    expect(await search({ q: '"); DROP TABLE "Claim"; --' })).toEqual([]);
    // Nothing to look for is said, not answered with nothing (or, on PostgreSQL, "-word" with everything else).
    await expect(search({ q: "*** ^^" })).rejects.toMatchObject({ status: 422, message: expect.stringContaining("has no letters or digits") });
    await expect(search({ q: "-denied" })).rejects.toMatchObject({ status: 422, message: expect.stringContaining("Search for at least one word") });
    expect(await db.claim.count()).toBeGreaterThan(0);
  });

  it("filters: tag, verdict, review state, speaker, source domain and relation, dates", async () => {
    expect(await search({ tag: "disputed" })).toEqual(["The ministry denied that warships escorted the convoys"]);
    expect(await search({ verdict: "true" })).toEqual(["The defence ministry said mines will be laid along the border"]);
    expect(await search({ q: "ministry", verdict: "none" })).toHaveLength(2);
    expect((await search({ reviewState: "in_review" })).length).toBe(3);
    expect(await search({ speaker: "officials" })).toEqual(["Officials said the grain corridor carried four million tonnes"]);
    expect((await search({ domain: "un.org" })).sort()).toEqual([
      "Officials said the grain corridor carried four million tonnes",
      "The defence ministry said mines will be laid along the border",
    ]);
    expect(await search({ domain: "https://www.un.org/anything", relation: "origin" })).toEqual([
      "Officials said the grain corridor carried four million tonnes",
    ]);
    expect(await search({ domain: "bbc.co.uk" })).toEqual(["The ministry denied that warships escorted the convoys"]);
    expect(await search({ domain: "co.uk" })).toEqual(["The ministry denied that warships escorted the convoys"]);
    expect(await search({ domain: "n.org" })).toEqual([]);
    expect(await search({ relation: "refutes" })).toEqual(["The ministry denied that warships escorted the convoys"]);
    expect((await search({ from: "2024-05-01", to: "2024-05-02" })).length).toBe(3);
    expect((await search({ from: "2024-05-03" })).sort()).toEqual([
      "Inflation slowed in December",
      "The central bank raised interest rates again",
    ]);
    expect((await search({ to: "2024-03-10", tag: "untagged" })).sort()).toEqual(["Farmers reported record harvests"]);
    expect(await search({ q: "", tag: "", verdict: "", from: "" })).toHaveLength(8);
  });

  it("speaker filters follow the editors' groups", async () => {
    await groupSpeakerName(team.editor.actor, { name: "Russia's foreign ministry", canonical: "Russia" });
    expect((await search({ speaker: "Russia" })).sort()).toEqual([
      "Russia's foreign ministry called the plan provocative",
      "The central bank raised interest rates again",
    ]);
  });

  it("pages, counts and invalid filters", async () => {
    const result = await searchClaims(team.reviewer.actor, { page: "1" });
    expect(result).toMatchObject({ total: 8, page: 1, pageCount: 1 });
    expect(result.items[0]).toMatchObject({
      articleTitle: "Unrelated",
      reviewState: "draft",
      articleDate: "2025-01-20T00:00:00.000Z",
    });
    const withSources = result.items.find((h) => h.sources.length > 0)!;
    expect(withSources.sources[0]).toMatchObject({ url: expect.stringMatching(/^https:/), relation: expect.any(String) });
    await expect(searchClaims(team.reviewer.actor, { tag: "opinion" })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(searchClaims(team.reviewer.actor, { from: "2024-13-45" })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(searchClaims(team.reviewer.actor, { to: "2025-02-30" })).rejects.toMatchObject({
      fields: { to: ["To is not a real date"] },
    });
    await expect(searchClaims(team.reviewer.actor, { from: "2025-01-02", to: "2025-01-01" })).rejects.toMatchObject({
      code: "validation_failed",
    });
    await expect(searchClaims(null, {})).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("stats: top speakers grouped, most-cited sources and domains, claims per month", async () => {
    await groupSpeakerName(team.editor.actor, { name: "Russia's foreign ministry", canonical: "Russia" });
    const stats = await getClaimStats(team.reviewer.actor, {});
    expect(stats.speakers[0]).toMatchObject({ name: "Russia", claims: 2 });
    expect(stats.speakers[0]!.variants.sort()).toEqual(["Russia", "Russia's foreign ministry"]);
    expect(stats.domains[0]).toEqual({ domain: "un.org", citations: 2 });
    expect(stats.sources.map((s) => s.domain).sort()).toEqual(["news.bbc.co.uk", "un.org", "un.org"]);
    expect(stats.months).toEqual([
      { month: "2024-03", claims: 3 },
      { month: "2024-05", claims: 3 },
      { month: "2025-01", claims: 2 },
    ]);
    const filtered = await getClaimStats(team.reviewer.actor, { q: "ministry" });
    expect(filtered.months.reduce((n, m) => n + m.claims, 0)).toBe(3);
  });

  it("through the API", async () => {
    const headers = { authorization: `Bearer ${team.editor.token}` };
    const found = await searchRoute(new Request("http://localhost/api/v1/claims?q=harvests&tag=", { headers }), {
      params: Promise.resolve({}),
    });
    expect(found.status).toBe(200);
    expect(((await found.json()) as { total: number }).total).toBe(2);
    const bad = await searchRoute(new Request("http://localhost/api/v1/claims?verdict=pants_on_fire", { headers }), {
      params: Promise.resolve({}),
    });
    expect(bad.status).toBe(422);
    const stats = await statsRoute(new Request("http://localhost/api/v1/claims/stats?relation=origin", { headers }), {
      params: Promise.resolve({}),
    });
    expect(((await stats.json()) as { sources: { url: string }[] }).sources.map((s) => s.url)).toEqual([
      "https://www.un.org/grain",
    ]);
  });
});

describe("toFts5Query", () => {
  it("turns search-box text into FTS5 syntax built from words only", () => {
    expect(toFts5Query("grain corridor")).toBe('("grain" AND "corridor")');
    expect(toFts5Query('"foreign ministry" -denied')).toBe('"foreign ministry" NOT "denied"');
    expect(toFts5Query("a or b c")).toBe('(("a" OR "b") AND "c")');
    expect(toFts5Query('NEAR(x) "unclosed')).toBe('("NEAR x" AND "unclosed")');
    expect(toFts5Query("-only")).toBeNull();
    expect(toFts5Query("*")).toBeNull();
  });
});

describe("accents and Unicode forms", () => {
  it("finds accented words typed with or without accents, in composed or decomposed text, on both databases", async () => {
    // Decomposed (NFD): "u" + U+0308, "e" + U+0301, as macOS and many CMS exports write it.
    const text = "Officials in Zu\u0308rich said the cafe\u0301 reopened.\nMu\u0308ller denied it.";
    const article = await importArticle(team.editor.actor, { title: "Accents", text });
    const found = async (q: string) => (await searchClaims(team.reviewer.actor, { q })).items.filter((h) => h.articleId === article.id).length;
    for (const q of ["Zürich", "Zurich", "zu\u0308rich", "café", "cafe", "Müller", "muller"]) expect(await found(q), q).toBe(1);
    expect(await found("Zürich café")).toBe(1);
    expect(await found("Zürich Müller")).toBe(0);
  });
});
