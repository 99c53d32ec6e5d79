import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { splitClaims } from "./split";
import { suggestTags } from "./suggest";
import { parseLabelled, scoreSuggestions } from "./testdata/labelled";
import type { Suggestion } from "./types";

const sample = readFileSync(new URL("./testdata/ottawa-treaty-withdrawal.txt", import.meta.url), "utf8");
const newsDir = new URL("./testdata/news/", import.meta.url);
const labelled = readdirSync(newsDir)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => parseLabelled(f, readFileSync(new URL(f, newsDir), "utf8")));

/** Suggestions for a text split by the real splitter, with each claim's text. */
function suggest(text: string): (Suggestion & { claim: string })[] {
  const spans = splitClaims(text);
  return suggestTags(text, spans).map((s, i) => ({ ...s, claim: text.slice(spans[i]!.start, spans[i]!.end) }));
}

function expectRefsExact(text: string, suggestions: Suggestion[]): void {
  for (const s of suggestions) {
    for (const r of [s.speaker, s.cue]) if (r) expect(text.slice(r.start, r.end)).toBe(r.text);
    expect(s.confidence).toBeGreaterThan(0);
    expect(s.confidence).toBeLessThanOrEqual(1);
    expect(s.reasons.length).toBeGreaterThan(0);
  }
}

describe("suggestTags on the sample article", () => {
  const got = suggest(sample);
  const gold = labelled.find((a) => a.name === "ottawa-treaty-withdrawal.txt")!;

  it("gives every claim the labelled tag, speaker and cue", () => {
    expect(got).toHaveLength(gold.sentences.length);
    const expected = gold.sentences.map((g) => ({ tag: g.tag, speaker: g.speaker, cue: g.cue }));
    expect(got.map((s) => ({ tag: s.tag, speaker: s.speaker?.text ?? null, cue: s.cue?.text ?? null }))).toEqual(expected);
    expectRefsExact(sample, got);
  });

  it("does not take 'had claimed countless civilian lives' for a dispute", () => {
    const trap = got.find((s) => s.claim.includes("claimed countless civilian lives"))!;
    expect(trap.tag).toBe("stated");
    expect(trap.cue).toBeNull();
    expect(trap.reasons.join(" ")).toMatch(/'claimed' is not a claim/);
  });

  it("marks 'claim to be facing' as distancing, with the four countries as speaker", () => {
    const s = got.find((x) => x.claim.startsWith("Poland, Latvia, Lithuania and Estonia claim"))!;
    expect(s.tag).toBe("disputed");
    expect(s.speaker?.text).toBe("Poland, Latvia, Lithuania and Estonia");
    expect(s.cue?.text).toBe("claim to");
    expect(s.reasons).toEqual(expect.arrayContaining(["cue 'claim to'", "speaker 'Poland, Latvia, Lithuania and Estonia'"]));
  });

  it("proposes splitting 'Russia has repeatedly denied ... and emphasizes that ...' into two claims", () => {
    const s = got.find((x) => x.claim.startsWith("Russia has repeatedly denied"))!;
    expect(s.tag).toBe("disputed");
    expect(s.cue?.text).toBe("denied");
    expect(s.speaker?.text).toBe("Russia");
    expect(s.splitAt).not.toBeNull();
    expect(sample.slice(s.splitAt!, s.splitAt! + "and emphasizes".length)).toBe("and emphasizes");
    expect(got.filter((x) => x.splitAt !== null)).toHaveLength(1);
  });
});

describe("suggestTags on patterns of news attribution", () => {
  it.each([
    ['"We were repulsed," he said.', "attributed", "he", "said"],
    ["“They attacked only houses,” said M23 leader Bertrand Bisimwa.", "attributed", "M23 leader Bertrand Bisimwa", "said"],
    ["Two children died, according to the health ministry.", "attributed", "the health ministry", "according to"],
    ["Emanuel Nyabera, a spokesman for the UN refugee agency, said the camps are full.", "attributed", "Emanuel Nyabera", "said"],
    ["The World Food Program (WFP) says 24,000 Somalis have entered camps.", "attributed", "The World Food Program (WFP)", "says"],
    ["The army denies civilians were killed.", "disputed", "The army", "denies"],
    ["Officials are disputing reports that 20 women were kidnapped.", "disputed", "Officials", "disputing"],
    ["Rebels reportedly seized the town.", "disputed", null, "reportedly"],
    ["The statement could not be independently confirmed.", "disputed", null, "could not be independently confirmed"],
    ["Speaking Tuesday, Lavrov incorrectly said the article was published on January 9.", "disputed", "Lavrov", "said"],
    ["The details were first reported by The New York Times.", "attributed", "The New York Times", "reported"],
  ])("%s", (text, tag, speaker, cue) => {
    const [s] = suggest(text);
    expect(s?.tag).toBe(tag);
    expect(s?.speaker?.text ?? null).toBe(speaker);
    expect(s?.cue?.text ?? null).toBe(cue);
    expectRefsExact(text, [s!]);
  });

  it.each([
    ["The suspect was denied bail.", "passive 'denied'"],
    ["The council rejected the bill on Tuesday.", "rejecting an action"],
    ["Troops patrol the disputed territory.", "an adjective"],
    ["The floods claimed 40 lives last year.", "'claimed' lives"],
    ["No agreement was reported during the session.", "passive, no speaker"],
    ["It is the first attack since authorities assured residents of tight security.", "cue in a 'since' clause"],
  ])("keeps '%s' stated (%s)", (text) => {
    const [s] = suggest(text);
    expect(s?.tag).toBe("stated");
  });

  it("ignores cues inside a quotation and carries the quotation to the next sentence", () => {
    const text = "“We denied nothing. They claimed to be winning.” Officials said the talks went well.";
    const got = suggest(text);
    expect(got.map((s) => s.tag)).toEqual(["attributed", "attributed", "attributed"]);
    expect(got[2]!.speaker?.text).toBe("Officials");
  });

  it("marks a reported claim that another sentence denies", () => {
    const text = "An Ethiopian rebel group sent a statement saying its fighters killed 140 soldiers.\nA government official vigorously denied the claim.";
    const got = suggest(text);
    expect(got[0]!.tag).toBe("disputed");
    expect(got[0]!.reasons.join(" ")).toMatch(/denied elsewhere by 'A government official'/);
    expect(got[1]!.tag).toBe("disputed");
  });

  it("returns one suggestion per span, in order, and handles an empty list", () => {
    expect(suggestTags("", [])).toEqual([]);
    const text = "A. B said so. C left.";
    const spans = [{ start: 3, end: 13 }, { start: 14, end: 21 }];
    expect(suggestTags(text, spans).map((s) => s.tag)).toEqual(["attributed", "stated"]);
  });
});

describe("suggestTags on the labelled news set", () => {
  // A regression floor, not the benchmark: bench/split.ts prints the full figures.
  it("keeps tag accuracy, speaker and cue exactness above their floors", () => {
    const score = scoreSuggestions(labelled);
    expect(score.sentences).toBeGreaterThanOrEqual(250);
    expect(score.tagAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(score.speakerExact / score.speakerTotal).toBeGreaterThanOrEqual(0.9);
    expect(score.cueExact / score.cueTotal).toBeGreaterThanOrEqual(0.9);
    for (const t of score.perTag) expect(t.precision).toBeGreaterThanOrEqual(0.85);
  });

  it("parses every labelled line, with speaker and cue inside their sentence", () => {
    for (const article of labelled) {
      expect(article.meta.licence, article.name).toBeTruthy();
      expect(article.meta.url, article.name).toBeTruthy();
    }
    expect(() => parseLabelled("bad", "A sentence. ||| X | - | -")).toThrow(/bad line/);
    expect(() => parseLabelled("bad", "A sentence. ||| A | Nobody | said")).toThrow(/not in/);
  });
});
