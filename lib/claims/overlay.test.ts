import { describe, expect, it } from "vitest";
import { overlayClaims } from "./overlay";

describe("overlayClaims", () => {
  it("covers the whole text with pieces cut at claim boundaries", () => {
    const pieces = overlayClaims(20, [
      { id: "a", start: 2, end: 8 },
      { id: "b", start: 10, end: 15 },
    ]);
    expect(pieces).toEqual([
      { start: 0, end: 2, claimIds: [] },
      { start: 2, end: 8, claimIds: ["a"] },
      { start: 8, end: 10, claimIds: [] },
      { start: 10, end: 15, claimIds: ["b"] },
      { start: 15, end: 20, claimIds: [] },
    ]);
  });

  it("lists nested and overlapping claims outermost first", () => {
    const pieces = overlayClaims(12, [
      { id: "outer", start: 0, end: 12 },
      { id: "inner", start: 3, end: 6 },
      { id: "cross", start: 5, end: 9 },
    ]);
    expect(pieces.map((p) => [p.start, p.end, p.claimIds])).toEqual([
      [0, 3, ["outer"]],
      [3, 5, ["outer", "inner"]],
      [5, 6, ["outer", "cross", "inner"]],
      [6, 9, ["outer", "cross"]],
      [9, 12, ["outer"]],
    ]);
  });

  it("handles an empty claim list and zero-length text", () => {
    expect(overlayClaims(5, [])).toEqual([{ start: 0, end: 5, claimIds: [] }]);
    expect(overlayClaims(0, [])).toEqual([]);
  });
});
