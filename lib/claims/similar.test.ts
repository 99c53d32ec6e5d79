import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeClaim, compareClaims, rankSimilar, similarity, SIMILARITY_THRESHOLD } from "./similar";

const isSame = (a: string, b: string) => similarity(a, b) >= SIMILARITY_THRESHOLD;

describe("similarity", () => {
  it("is 1 for the same claim and symmetric", () => {
    const claim = "The army denies civilians were killed.";
    expect(similarity(claim, claim)).toBeCloseTo(1, 5);
    const other = "Congo's military says no civilians died in the strike.";
    expect(similarity(claim, other)).toBeCloseTo(similarity(other, claim), 10);
  });

  it("takes a paraphrase as the same claim, ignoring case, punctuation, quotes and attribution", () => {
    expect(isSame("“The AP tells VOA that it stands by its story.”", "The Associated Press told VOA it stands by its report")).toBe(true);
    expect(isSame("So far, 17 people have died, mainly from malnutrition.", "Seventeen people have died so far, mostly of malnutrition, according to the UNHCR.")).toBe(true);
    expect(isSame("Since Wednesday, about a thousand refugees a day have been crossing the border.", "About 1,000 refugees a day have crossed the border since Wednesday.")).toBe(true);
  });

  it("scores a negated claim low: 'X did not' is not 'X did'", () => {
    const did = "Karzai condemned the U.S. attack on the convoy.";
    const didNot = "Karzai did not condemn the U.S. attack on the convoy.";
    expect(similarity(did, didNot)).toBeLessThan(SIMILARITY_THRESHOLD);
    expect(compareClaims(did, didNot).conflicts).toEqual(["negation"]);
    expect(isSame("The army denies civilians were killed.", "The army admits civilians were killed.")).toBe(false);
    // Both sides negative is agreement, not conflict.
    expect(compareClaims("The army denies civilians were killed.", "The military says no civilians died.").conflicts).toEqual([]);
  });

  it("scores a different figure low, and reads figures written in words", () => {
    const a = "An Ethiopian rebel group says its fighters killed 140 government troops on Saturday.";
    expect(isSame(a, a.replace("140", "14"))).toBe(false);
    expect(compareClaims(a, a.replace("140", "14")).only.figures).toEqual([["140"], ["14"]]);
    expect(isSame("The talks ended after nine days.", "The talks ended after three days.")).toBe(false);
    expect(isSame("The reply came three days after the article.", "The reply came three weeks after the article.")).toBe(false);
    expect(isSame("The attack lasted about forty minutes.", "The attack went on for about 40 minutes.")).toBe(true);
  });

  it("treats an added figure or name as detail, not as a different claim", () => {
    expect(compareClaims("Boko Haram kidnapped 20 women near Chibok.", "Boko Haram kidnapped 20 women near Chibok in April 2014.").conflicts).toEqual([]);
  });

  it("scores another country or speaker low, but not a spelling variant, demonym or acronym", () => {
    const a = "On Tuesday, the U.S. State Department urged Rwanda to stop backing the rebel group.";
    expect(isSame(a, a.replace("Rwanda", "Uganda"))).toBe(false);
    expect(isSame("China is trying to salvage the stalled talks.", "Russia is trying to salvage the stalled talks.")).toBe(false);
    expect(compareClaims("Maria Zahkarova posted the apology.", "Maria Zakharova posted the apology.").conflicts).toEqual([]);
    expect(compareClaims("South Sudan's army repulsed a rebel attack.", "The South Sudanese army repulsed a rebel attack.").conflicts).toEqual([]);
    expect(compareClaims("The WFP says it will cut rations in the camps.", "The World Food Program says it will cut rations in the camps.").conflicts).toEqual([]);
  });

  it("scores claims from unrelated stories near zero", () => {
    expect(similarity("A helicopter gunship then destroyed the vehicles.", "Unemployment is still very high.")).toBeLessThan(0.1);
    expect(similarity("", "Unemployment is still very high.")).toBe(0);
  });
});

describe("analyzeClaim", () => {
  it("normalises figures: thousands separators, number words, units, dates", () => {
    const f = analyzeClaim("About 1,400 protesters were held for two days in March, up from a hundred last week; GDP rose 2.2%.");
    expect([...f.figures].sort()).toEqual(["100", "1400", "2 day", "2.2 percent", "date:mar", "last week"]);
  });

  it("reads names outside headlines only, and negation from n't", () => {
    expect(analyzeClaim("Moscow Apologizes for Misrepresenting VOA Report").names).toEqual([]);
    expect(analyzeClaim("Reuters said the army shelled Goma.").names.map((n) => n.key)).toEqual(["reuter", "goma"]);
    expect(analyzeClaim("The army didn't shell Goma.").isNegated).toBe(true);
  });
});

describe("rankSimilar", () => {
  const claim = "The army denies that civilians were killed in the helicopter strike near Rumangabo.";
  const candidates = [
    { id: "unrelated", text: "Wall Street reacted positively, sending key indexes sharply higher." },
    { id: "negated", text: "The army admits that civilians were killed in the helicopter strike near Rumangabo." },
    { id: "paraphrase", text: "Congo's army says no civilians died in the helicopter strike near Rumangabo." },
    { id: "verbatim", text: "The army denies civilians were killed in the helicopter strike near Rumangabo." },
  ];

  it("orders candidates best first and drops those under minScore", () => {
    const ranked = rankSimilar(claim, candidates);
    expect(ranked.map((r) => r.id)).toEqual(["verbatim", "paraphrase"]);
    expect(ranked[0]?.score).toBeGreaterThan(ranked[1]?.score ?? 1);
  });

  it("honours limit and minScore", () => {
    expect(rankSimilar(claim, candidates, { limit: 1 }).map((r) => r.id)).toEqual(["verbatim"]);
    expect(rankSimilar(claim, candidates, { minScore: 0 })).toHaveLength(4);
    expect(rankSimilar(claim, candidates, { limit: 0 })).toEqual([]);
    expect(rankSimilar(claim, [])).toEqual([]);
  });
});

describe("the labelled pairs (lib/claims/testdata/similar-pairs.json)", () => {
  type Pair = { id: string; same: boolean; kind: string; split: string; a: string; b: string; aFrom: string; bFrom: string };
  const file = path.join(import.meta.dirname, "testdata/similar-pairs.json");
  const { pairs } = JSON.parse(readFileSync(file, "utf8")) as { pairs: Pair[] };

  it("quote their VOA side verbatim from the files they name", () => {
    const texts = new Map<string, string>();
    const read = (f: string) => texts.get(f) ?? texts.set(f, readFileSync(path.join(import.meta.dirname, "testdata", f), "utf8")).get(f) ?? "";
    for (const p of pairs) {
      expect(read(p.aFrom), p.id).toContain(p.a);
      if (p.bFrom !== "rewrite") expect(read(p.bFrom), p.id).toContain(p.b);
    }
  });

  it("keep their recorded quality: F1 at the threshold does not fall below the measured figure", () => {
    // BENCHMARKS.md has the figures; this guards against a change that quietly loses them.
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const p of pairs) {
      const predicted = similarity(p.a, p.b) >= SIMILARITY_THRESHOLD;
      if (predicted && p.same) tp += 1;
      else if (predicted) fp += 1;
      else if (p.same) fn += 1;
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    expect(pairs).toHaveLength(284);
    expect((2 * precision * recall) / (precision + recall)).toBeGreaterThanOrEqual(0.84);
  });
});
