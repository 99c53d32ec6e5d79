import { describe, expect, it } from "vitest";
import { attachClaimsToHunks, diffRanges, mapOffset, revisionDiff } from "./revision-diff";

/** Applying the hunks to the old text must give the new text back. */
function applyHunks(oldText: string, hunks: ReturnType<typeof revisionDiff>): string {
  let out = "";
  let at = 0;
  for (const h of hunks) {
    out += oldText.slice(at, h.oldStart) + h.newText;
    at = h.oldEnd;
  }
  return out + oldText.slice(at);
}

describe("revisionDiff", () => {
  it("is empty for identical texts", () => {
    expect(revisionDiff("Same text.", "Same text.")).toEqual([]);
  });

  it("widens a typo fix to the whole word", () => {
    const oldText = "The UN recieved 300 reports.";
    const newText = "The UN received 300 reports.";
    expect(revisionDiff(oldText, newText)).toEqual([{ oldStart: 7, oldEnd: 15, newStart: 7, newEnd: 15, oldText: "recieved", newText: "received" }]);
  });

  it("reports an inserted sentence as an empty old range", () => {
    const oldText = "One. Three.";
    const newText = "One. Two. Three.";
    expect(revisionDiff(oldText, newText)).toEqual([{ oldStart: 5, oldEnd: 5, newStart: 5, newEnd: 10, oldText: "", newText: "Two. " }]);
  });

  it("joins changes one space apart, but not across a line break", () => {
    expect(revisionDiff("the quick brown fox", "the slow red fox").map((h) => [h.oldText, h.newText])).toEqual([["quick brown", "slow red"]]);
    expect(revisionDiff("first line\nsecond line", "1st line\n2nd line").map((h) => [h.oldText, h.newText])).toEqual([
      ["first", "1st"],
      ["second", "2nd"],
    ]);
  });

  it("never cuts a surrogate pair", () => {
    const hunks = revisionDiff("Fans 👍 it.", "Fans 👎 it.");
    expect(hunks).toEqual([{ oldStart: 5, oldEnd: 7, newStart: 5, newEnd: 7, oldText: "👍", newText: "👎" }]);
  });

  it("widens a change in Chinese to the run of characters between punctuation", () => {
    const hunks = revisionDiff("北京方面否认了这一说法。他说没有。", "北京方面承认了这一说法。他说没有。");
    expect(hunks.map((h) => [h.oldStart, h.oldEnd, h.oldText, h.newText])).toEqual([[0, 11, "北京方面否认了这一说法", "北京方面承认了这一说法"]]);
  });

  it("rebuilds the new text from the old one for a moved paragraph and edits", () => {
    const oldText = "Alpha one. Alpha two.\n\nBeta one. Beta two.\n\nGamma one.";
    const newText = "Gamma one.\n\nAlpha one. Alpha 2.\n\nBeta one. Beta two. Beta three.";
    const hunks = revisionDiff(oldText, newText);
    expect(applyHunks(oldText, hunks)).toBe(newText);
    for (const h of hunks) {
      expect(oldText.slice(h.oldStart, h.oldEnd)).toBe(h.oldText);
      expect(newText.slice(h.newStart, h.newEnd)).toBe(h.newText);
    }
  });
});

describe("mapOffset", () => {
  const oldText = "Keep this. Drop this. Keep that.";
  const newText = "Keep this. Add more. Keep that.";
  const ranges = diffRanges(oldText, newText);

  it("maps offsets outside changes exactly, and guesses inside them", () => {
    expect(mapOffset(ranges, 0, "start")).toEqual({ offset: 0, isExact: true, range: null });
    expect(mapOffset(ranges, oldText.indexOf("Keep that"), "start")).toMatchObject({ offset: newText.indexOf("Keep that"), isExact: true });
    expect(mapOffset(ranges, oldText.indexOf("this."), "start").isExact).toBe(true);
    expect(mapOffset(ranges, oldText.indexOf("rop"), "start").isExact).toBe(false);
  });

  it("puts a claim start after an insertion and a claim end before it", () => {
    const inserted = diffRanges("A. B.", "A. New. B.");
    expect(inserted).toEqual([{ oldStart: 3, oldEnd: 3, newStart: 3, newEnd: 8 }]);
    expect(mapOffset(inserted, 3, "start").offset).toBe(8);
    expect(mapOffset(inserted, 3, "end").offset).toBe(3);
  });
});

describe("attachClaimsToHunks", () => {
  it("lists the claims a hunk overlaps, or that an insertion falls inside", () => {
    const hunks = [
      { oldStart: 5, oldEnd: 8, newStart: 5, newEnd: 6 },
      { oldStart: 20, oldEnd: 20, newStart: 18, newEnd: 25 },
      { oldStart: 30, oldEnd: 30, newStart: 35, newEnd: 40 },
    ];
    const claims = [
      { id: "outer", start: 0, end: 25 },
      { id: "inner", start: 6, end: 10 },
      { id: "edge", start: 25, end: 30 },
      { id: "after", start: 30, end: 35 },
    ];
    expect(attachClaimsToHunks(hunks, claims).map((h) => h.claimIds)).toEqual([["outer", "inner"], ["outer"], []]);
  });
});
