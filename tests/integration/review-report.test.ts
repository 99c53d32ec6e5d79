import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importArticle } from "@/lib/data/articles";
import { updateClaim } from "@/lib/data/claims";
import { addSourceToClaim } from "@/lib/data/sources";
import { getFullReport, redactReport } from "@/lib/data/report";
import { transitionArticle } from "@/lib/data/review";
import { setDomainRating, setSourceCredibility } from "@/lib/data/source-credibility";
import { exportArticle } from "@/lib/data/export";
import { groupSpeakerName, listSpeakerAliases, normalizeSpeakerKey, ungroupSpeakerName } from "@/lib/data/speakers";
import { groupBySpeaker } from "@/lib/claims/speaker-names";
import { makeTeam, type Person } from "@/tests/support/people";

// The full claim report's data: figures, flags, speaker groups and the shared redaction.

let team: { admin: Person; editor: Person; reviewer: Person };
beforeAll(async () => {
  team = await makeTeam();
});

describe("speaker names", () => {
  it("normalises case, spaces, quotes, a leading 'the' and a possessive", () => {
    expect(normalizeSpeakerKey("  The  Kremlin’s ")).toBe("kremlin");
    expect(normalizeSpeakerKey('"Russia"')).toBe("russia");
    expect(normalizeSpeakerKey("RUSSIA'S Foreign Ministry")).toBe("russia's foreign ministry");
    expect(normalizeSpeakerKey("...")).toBe("");
  });

  it("groups claims by speaker, following aliases; the biggest groups first", () => {
    const claims = [
      { id: "1", speaker: "Russia" },
      { id: "2", speaker: "russia " },
      { id: "3", speaker: "Russia's foreign ministry" },
      { id: "4", speaker: "Kyiv" },
      { id: "5", speaker: null },
    ];
    const groups = groupBySpeaker(claims, [{ alias: "russia's foreign ministry", canonical: "Russia" }]);
    expect(groups.map((g) => [g.name, g.claims.map((c) => c.id), g.variants])).toEqual([
      ["Russia", ["1", "2", "3"], ["russia", "Russia", "Russia's foreign ministry"]],
      ["Kyiv", ["4"], ["Kyiv"]],
    ]);
  });

  it("editors group and ungroup names; aliases never chain; reviewers may not", async () => {
    await groupSpeakerName(team.editor.actor, { name: "Moscow", canonical: "Russia" });
    await groupSpeakerName(team.editor.actor, { name: "The Kremlin", canonical: "Moscow" });
    const byAlias = Object.fromEntries((await listSpeakerAliases(team.reviewer.actor)).map((a) => [a.alias, a.canonical]));
    expect(byAlias).toMatchObject({ moscow: "Russia", kremlin: "Russia" });
    // Grouping "Russia" itself under another name carries its followers along.
    await groupSpeakerName(team.editor.actor, { name: "Russia", canonical: "Russian Federation" });
    const after = Object.fromEntries((await listSpeakerAliases(team.reviewer.actor)).map((a) => [a.alias, a.canonical]));
    expect(after).toMatchObject({ russia: "Russian Federation", moscow: "Russian Federation", kremlin: "Russian Federation" });
    await expect(groupSpeakerName(team.editor.actor, { name: "Russia", canonical: "the russia" })).rejects.toMatchObject({
      code: "validation_failed",
    });
    await expect(groupSpeakerName(team.reviewer.actor, { name: "Kyiv", canonical: "Ukraine" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await ungroupSpeakerName(team.editor.actor, { name: "the kremlin" });
    expect((await listSpeakerAliases(team.editor.actor)).map((a) => a.alias)).not.toContain("kremlin");
    await expect(ungroupSpeakerName(team.editor.actor, { name: "Nobody" })).rejects.toMatchObject({ code: "not_found" });
    expect(await db.auditEvent.count({ where: { entityType: "speakerAlias" } })).toBe(4);
  });
});

describe("getFullReport", () => {
  it("flags claims, counts figures, groups speakers, and redacts for sharing", async () => {
    const article = await importArticle(team.editor.actor, {
      title: "Report data",
      text: "Kyiv said the bridge was hit.\nThe bridge was not hit, Moscow claimed.\nThe river is wide.",
    });
    const [hit, denial, river] = article.claims;
    await updateClaim(team.editor.actor, hit!.id, { tag: "attributed", speaker: "Kyiv", note: "Ask the desk", version: 1 });
    await updateClaim(team.editor.actor, denial!.id, { tag: "disputed", speaker: "Moscow", version: 1 });
    await addSourceToClaim(team.editor.actor, denial!.id, { url: "https://example.org/context", relation: "context" });
    await updateClaim(team.editor.actor, river!.id, { tag: "stated", version: 1 });
    await addSourceToClaim(team.editor.actor, river!.id, { url: "https://example.org/map", relation: "supports" });

    const report = await getFullReport(team.reviewer.actor, article.id);
    expect(report.counts).toEqual({ stated: 1, disputed: 1, attributed: 1, untagged: 0 });
    expect(report.summary).toMatchObject({
      total: 3,
      sourced: 2,
      flags: { unsourced: 1, disputed_without_refuting_or_origin: 1, attributed_without_origin: 1 },
    });
    expect(report.unsourced.map((c) => c.id)).toEqual([hit!.id]);
    expect(report.flagged.map((c) => [c.id, c.flags])).toEqual([[denial!.id, ["disputed_without_refuting_or_origin"]]]);
    expect(report.claims.map((c) => c.number)).toEqual([1, 2, 3]);
    expect(report.review).toEqual({ state: "draft", submittedAt: null, reviewedAt: null, reviewedBy: null });
    // "Moscow" is grouped under "Russian Federation" by the test above (aliases are global).
    expect(report.speakers.map((g) => g.name).sort()).toEqual(["Kyiv", "Russian Federation"]);

    const shared = redactReport(report);
    const text = JSON.stringify(shared);
    expect(text).not.toContain(team.editor.actor.name);
    expect(text).not.toContain("Ask the desk");
    expect(shared.aliases).toEqual([]);
    expect(shared.speakers.flatMap((g) => g.claims).every((c) => c.taggedBy === null && c.note === null)).toBe(true);
    await expect(getFullReport(null, article.id)).rejects.toMatchObject({ code: "unauthenticated" });
  });
});

describe("the Markdown export's \"Who said what\"", () => {
  it("groups speakers as the report does: its group names, its order, the editors' aliases", async () => {
    const article = await importArticle(team.editor.actor, {
      title: "Grouped speakers",
      text: "Taxes will rise, the Polish government said.\nTaxes will fall, Vilnius said.\nWarsaw said rates hold.\nPolish Government officials agreed.\nVilnius denied it.",
    });
    const said = ["the Polish government", "Vilnius", "Warsaw", "Polish Government", "Vilnius"];
    for (const [i, speaker] of said.entries()) {
      await updateClaim(team.editor.actor, article.claims[i]!.id, { tag: "attributed", speaker, cue: "said", version: 1 });
    }
    await groupSpeakerName(team.editor.actor, { name: "Warsaw", canonical: "Polish government" });

    const report = await getFullReport(team.reviewer.actor, article.id);
    const file = await exportArticle(team.reviewer.actor, article.id, { format: "markdown" }, { baseUrl: "https://claims.example.org" });
    const who = file.body.slice(file.body.indexOf("## Who said what"), file.body.indexOf("## All claims")).trim().split("\n").slice(2);
    expect(who).toEqual([
      "- **Polish government** (as Polish Government · the Polish government · Warsaw): claims 1 (“said”), 3 (“said”), 4 (“said”)",
      "- **Vilnius:** claims 2 (“said”), 5 (“said”)",
    ]);
    const listed = who.map((line) => [/^- \*\*(.+?)(?::\*\*|\*\* \(as)/.exec(line)![1], [...line.matchAll(/(\d+) \(“/g)].map((m) => Number(m[1]))]);
    expect(listed).toEqual(report.speakers.map((g) => [g.name, g.claims.map((c) => c.number)]));
  });
});

describe("the report after a revision", () => {
  it("lists claims the revision changed under 'needs attention' and the orphaned ones apart, redacted when shared", async () => {
    const { importRevision } = await import("@/lib/data/revisions");
    const text = "The minister said the plan works. Critics disputed the figures. The budget is 4 million euros.";
    const article = await importArticle(team.editor.actor, { title: "Revised report", text });
    const dropped = article.claims.find((c) => c.text.startsWith("Critics"))!;
    await updateClaim(team.editor.actor, dropped.id, { tag: "disputed", version: dropped.version });
    await importRevision(team.editor.actor, article.id, {
      text: "The minister said the plan works. The budget is 4.5 million euros.",
    });
    const report = await getFullReport(team.reviewer.actor, article.id);
    expect(report.orphaned.map((c) => [c.text, c.tag, c.taggedBy])).toEqual([[dropped.text, "disputed", team.editor.actor.name]]);
    expect(report.changed.map((c) => c.text)).toEqual(["The budget is 4.5 million euros."]);
    expect(report.claims.map((c) => c.text)).not.toContain(dropped.text);
    const shared = redactReport(report);
    expect(shared.orphaned.map((c) => [c.tag, c.taggedBy])).toEqual([["disputed", null]]);
    expect(shared.changed.map((c) => c.number)).toEqual(report.changed.map((c) => c.number));
  });
});

describe("an approved report's changes since approval", () => {
  it("lists the later rating and speaker-group changes to what it shows, and nothing else", async () => {
    const article = await importArticle(team.editor.actor, {
      title: "Approved, then re-rated",
      text: "The council said the bridge will reopen in May. The river rose two metres overnight.",
    });
    const [said, river] = article.claims;
    await updateClaim(team.editor.actor, said!.id, { tag: "attributed", speaker: "Harbour Council", cue: "said", version: 1 });
    const cited = await addSourceToClaim(team.editor.actor, river!.id, { url: "https://rerated.example/gauge", title: "Gauge data", relation: "supports" });
    await addSourceToClaim(team.editor.actor, said!.id, { url: "https://rerated.example/minutes", title: "Minutes", relation: "origin" });
    const other = await addSourceToClaim(team.editor.actor, river!.id, { url: "https://elsewhere.example/x", relation: "context" });
    await updateClaim(team.editor.actor, river!.id, { tag: "stated", version: 1 });
    // Before the approval: not a change since it.
    await setSourceCredibility(team.editor.actor, cited.sourceId, { rating: "reliable" });
    await transitionArticle(team.editor.actor, article.id, { action: "submit" });
    await transitionArticle(team.reviewer.actor, article.id, { action: "approve" });
    expect((await getFullReport(team.reviewer.actor, article.id)).sinceApproval).toEqual([]);

    await setSourceCredibility(team.admin.actor, cited.sourceId, { rating: "unreliable", note: "Sensor was broken" });
    await setDomainRating(team.reviewer.actor, { domain: "rerated.example", rating: "mixed" });
    await groupSpeakerName(team.editor.actor, { name: "harbour council", canonical: "City of Harbourtown" });
    // Not shown in this report: another article's speaker, and a domain it does not cite.
    await groupSpeakerName(team.editor.actor, { name: "Someone Else", canonical: "City of Harbourtown" });
    await setDomainRating(team.reviewer.actor, { domain: "unrelated.example", rating: "unreliable" });

    const report = await getFullReport(team.reviewer.actor, article.id);
    expect(report.sinceApproval.map(({ at: _at, ...change }) => change)).toEqual([
      { kind: "source-rating", source: "Gauge data", from: "reliable", to: "unreliable", actor: team.admin.actor.name },
      { kind: "publisher-rating", domain: "rerated.example", from: null, to: "mixed", actor: team.reviewer.actor.name },
      { kind: "speaker-group", name: "harbour council", under: "City of Harbourtown", actor: team.editor.actor.name },
    ]);
    expect(report.speakers.map((g) => g.name)).toEqual(["City of Harbourtown"]);
    // Shared outside the desk: what changed and when, not who changed it.
    expect(redactReport(report).sinceApproval.map((c) => c.actor)).toEqual([null, null, null]);
    expect(other.sourceId).not.toBe(cited.sourceId);

    // A regrouping of the name its speaker is grouped under carries it along: listed too.
    await groupSpeakerName(team.editor.actor, { name: "City of Harbourtown", canonical: "Harbour Region" });
    const carried = await getFullReport(team.reviewer.actor, article.id);
    expect(carried.speakers.map((g) => g.name)).toEqual(["Harbour Region"]);
    expect(carried.sinceApproval.at(-1)).toMatchObject({ kind: "speaker-group", name: "City of Harbourtown", under: "Harbour Region" });

    // Reopened, it is no longer approved, and lists nothing.
    await transitionArticle(team.reviewer.actor, article.id, { action: "reopen" });
    expect((await getFullReport(team.reviewer.actor, article.id)).sinceApproval).toEqual([]);
  });
});
