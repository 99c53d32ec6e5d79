import { describe, expect, it } from "vitest";
import { splitSentences, trimSpan } from "./segment";
import { splitClaims } from "./split";
import { buildQuoteSelector } from "./quote";

describe("splitSentences", () => {
  it("returns exact, trimmed offsets into the original text", () => {
    const text = "  First one. Second “quoted” one!\n\nThird line\nFourth.  ";
    const spans = splitSentences(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      "First one.",
      "Second “quoted” one!",
      "Third line",
      "Fourth.",
    ]);
  });

  it("ends a sentence at every line break", () => {
    const text = "A headline without a period\nThe body starts here.";
    expect(splitClaims(text).map((s) => text.slice(s.start, s.end))).toEqual([
      "A headline without a period",
      "The body starts here.",
    ]);
  });

  it("returns nothing for blank text", () => {
    expect(splitSentences(" \n\t\n")).toEqual([]);
  });
});

describe("trimSpan", () => {
  it("narrows to the non-blank part and rejects blank spans", () => {
    expect(trimSpan("  ab  ", 0, 6)).toEqual({ start: 2, end: 4 });
    expect(trimSpan("    ", 0, 4)).toBeNull();
  });
});

describe("buildQuoteSelector", () => {
  it("keeps up to 32 characters of context on each side", () => {
    const text = `${"p".repeat(40)}EXACT${"s".repeat(40)}`;
    const q = buildQuoteSelector(text, { start: 40, end: 45 });
    expect(q).toEqual({ exact: "EXACT", prefix: "p".repeat(32), suffix: "s".repeat(32) });
  });
});
