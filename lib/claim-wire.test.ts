import { describe, expect, it } from "vitest";
import type { ClaimView } from "@/lib/data/views";
import { packClaims, unpackClaims } from "@/lib/claim-wire";

const TEXT = "The minister said the bridge would open in May. Critics disputed the date.";

function claim(start: number, end: number, extra: Partial<ClaimView> = {}): ClaimView {
  return {
    id: `c${start}`,
    start,
    end,
    text: TEXT.slice(start, end),
    tag: null,
    speaker: null,
    cue: null,
    note: null,
    version: 1,
    suggestion: null,
    taggedBy: null,
    taggedAt: null,
    tagOrigin: null,
    verdict: null,
    verdictRationale: null,
    verdictBy: null,
    verdictAt: null,
    anchorStatus: "anchored",
    previousText: null,
    sources: [],
    ...extra,
  };
}

const claims: ClaimView[] = [
  claim(0, 48),
  claim(49, 75, {
    tag: "disputed",
    speaker: "Critics",
    cue: "disputed",
    note: "ask the ministry",
    version: 4,
    suggestion: { tag: "disputed", confidence: 0.8, reasons: ["cue 'disputed'"], speaker: { start: 49, end: 56, text: "Critics" }, cue: null, splitAt: null },
    taggedBy: "Eddie Editor",
    taggedAt: "2026-11-27T10:00:00.000Z",
    tagOrigin: "suggestion",
    verdict: "misleading",
    verdictRationale: "The date moved twice.",
    verdictBy: "Rita Reviewer",
    verdictAt: "2026-11-27T11:00:00.000Z",
    anchorStatus: "changed",
    previousText: "Critics doubted the date.",
    sources: [{ id: "l1", sourceId: "s1", url: "https://example.org/a", title: "A", relation: "refutes", quote: "q", locator: null, credibility: null }],
  }),
  // Text that is not the article's between its offsets (as on an older revision): kept.
  claim(4, 12, { text: "something else", anchorStatus: "orphaned" }),
];

describe("packed claims for the annotate page", () => {
  it("unpack to exactly the views that were packed", () => {
    expect(unpackClaims(TEXT, packClaims(TEXT, claims))).toEqual(claims);
  });

  it("keep every field, optional ones included (unpack names each field)", () => {
    const [unpacked] = unpackClaims(TEXT, packClaims(TEXT, [claims[1]!]));
    expect(Object.keys(unpacked!).sort()).toEqual(Object.keys(claims[1]!).sort());
  });

  it("leave out derivable text and empty fields, and keep what is set", () => {
    const [fresh, full, moved] = packClaims(TEXT, claims);
    expect(fresh).toEqual({ id: "c0", start: 0, end: 48, version: 1, anchorStatus: "anchored" });
    expect(full).not.toHaveProperty("text");
    expect(full).toMatchObject({ tag: "disputed", previousText: "Critics doubted the date.", sources: [expect.objectContaining({ id: "l1" })] });
    expect(moved!.text).toBe("something else");
    expect(JSON.stringify(packClaims(TEXT, claims)).length).toBeLessThan(JSON.stringify(claims).length * 0.75);
  });
});
