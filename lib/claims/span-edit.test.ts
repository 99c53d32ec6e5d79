import { describe, expect, it } from "vitest";
import { adjustBoundary, mergeSpans, snapToWords, splitPointNear, splitSpan, validateSpan, type SpanEdit } from "./span-edit";
import { isCharBoundary } from "./text-units";
import type { Span } from "./types";

const TEXT = 'Lavrov said the report was "junk." VOA disagreed.';
const CLAIM = { start: 0, end: 34 }; // Lavrov said the report was "junk." (the text is 49 long)

/** The value of a successful edit, checked to be a valid claim span of `text`. */
function valueOf<T extends Span | Span[]>(text: string, edit: SpanEdit<T>): T {
  if (!edit.ok) throw new Error(edit.error);
  for (const span of Array.isArray(edit.value) ? edit.value : [edit.value]) expect(validateSpan(text, span)).toBeNull();
  return edit.value;
}

function slices(text: string, spans: Span | Span[]): string[] {
  return (Array.isArray(spans) ? spans : [spans]).map((s) => text.slice(s.start, s.end));
}

describe("validateSpan", () => {
  it("accepts a trimmed, in-range, non-empty span", () => {
    expect(validateSpan(TEXT, CLAIM)).toBeNull();
  });

  it("names each problem", () => {
    expect(validateSpan(TEXT, { start: 0.5, end: 3 })).toBe("Offsets must be whole numbers.");
    expect(validateSpan(TEXT, { start: -1, end: 3 })).toBe("The span -1–3 is outside the text (0–49).");
    expect(validateSpan(TEXT, { start: 40, end: 50 })).toBe("The span 40–50 is outside the text (0–49).");
    expect(validateSpan(TEXT, { start: 5, end: 2 })).toBe("The span ends before it starts.");
    expect(validateSpan(TEXT, { start: 5, end: 5 })).toBe("The span is empty.");
    expect(validateSpan(TEXT, { start: 6, end: 11 })).toBe("The span starts with white space.");
    expect(validateSpan(TEXT, { start: 0, end: 7 })).toBe("The span ends with white space.");
  });

  it("refuses to cut a surrogate pair or an emoji with its skin tone", () => {
    const text = "Fans 👍🏽 cheered";
    expect(validateSpan(text, { start: 6, end: 9 })).toBe("The span cuts a character in two.");
    expect(validateSpan(text, { start: 5, end: 7 })).toBe("The span cuts a character in two.");
    expect(validateSpan(text, { start: 5, end: 9 })).toBeNull();
  });
});

describe("splitPointNear", () => {
  // Lavrov said the report was "junk." — "report" is 16–22.
  it("keeps a point between words", () => {
    expect(splitPointNear(TEXT, CLAIM, 15)).toBe(15);
    expect(splitPointNear(TEXT, CLAIM, 16)).toBe(16);
  });

  it("moves a point inside a word to the word's nearer edge, the start on a tie", () => {
    expect(splitPointNear(TEXT, CLAIM, 17)).toBe(16); // r|eport
    expect(splitPointNear(TEXT, CLAIM, 19)).toBe(16); // rep|ort: a tie
    expect(splitPointNear(TEXT, CLAIM, 21)).toBe(22); // repor|t
    expect(slices(TEXT, valueOf(TEXT, splitSpan(TEXT, CLAIM, splitPointNear(TEXT, CLAIM, 21))))).toEqual(["Lavrov said the report", 'was "junk."']);
  });

  it("keeps opening quotes with the word after, and closing ones and full stops with the word before", () => {
    const text = "Warsaw launched the “Eastern Shield” project. He said “never.” Then he left.";
    const claim = { start: 0, end: text.length };
    const [left] = valueOf(text, splitSpan(text, claim, splitPointNear(text, claim, text.indexOf("Eastern") + 3)));
    expect(text.slice(left.start, left.end)).toBe("Warsaw launched the");
    const [before] = valueOf(text, splitSpan(text, claim, splitPointNear(text, claim, text.indexOf("never") + 4)));
    expect(text.slice(before.start, before.end)).toBe("Warsaw launched the “Eastern Shield” project. He said “never.”");
  });

  it("takes the far edge when the near one is the claim's own edge, and leaves a one-word claim alone", () => {
    expect(splitPointNear(TEXT, CLAIM, 2)).toBe(6); // La|vrov: its start is the claim's
    expect(splitPointNear(TEXT, { start: 16, end: 22 }, 18)).toBe(18);
  });

  it("never cuts a character, whichever edge it picks", () => {
    const text = "Fans 👍🏽 cheered loudly";
    const claim = { start: 0, end: text.length };
    for (let at = 1; at < text.length; at++) {
      expect(isCharBoundary(text, splitPointNear(text, claim, at))).toBe(true);
    }
  });
});

describe("splitSpan", () => {
  it("splits at a space into two trimmed halves", () => {
    const halves = valueOf(TEXT, splitSpan(TEXT, CLAIM, 11));
    expect(halves).toEqual([
      { start: 0, end: 11 },
      { start: 12, end: 34 },
    ]);
    expect(slices(TEXT, halves)).toEqual(["Lavrov said", 'the report was "junk."']);
  });

  it("refuses a split that leaves an empty half, or outside the claim", () => {
    const text = "Yes. No.";
    expect(splitSpan(text, { start: 0, end: 8 }, 4)).toEqual({ ok: true, value: [{ start: 0, end: 4 }, { start: 5, end: 8 }] });
    expect(splitSpan("A  B", { start: 0, end: 4 }, 2)).toEqual({ ok: true, value: [{ start: 0, end: 1 }, { start: 3, end: 4 }] });
    expect(splitSpan(TEXT, CLAIM, 0)).toEqual({ ok: false, error: "The split point must be inside the claim." });
    expect(splitSpan(TEXT, CLAIM, 34)).toEqual({ ok: false, error: "The split point must be inside the claim." });
    expect(splitSpan("A     B", { start: 0, end: 1 }, 1)).toEqual({ ok: false, error: "The split point must be inside the claim." });
  });

  it("refuses to split inside a character", () => {
    expect(splitSpan("Go 😀 now", { start: 0, end: 9 }, 4)).toEqual({ ok: false, error: "The split point cuts a character in two." });
  });
});

describe("mergeSpans", () => {
  it("merges adjacent claims with only white space between, in either order", () => {
    const a = { start: 0, end: 34 };
    const b = { start: 35, end: 49 };
    expect(valueOf(TEXT, mergeSpans(TEXT, b, a))).toEqual({ start: 0, end: 49 });
    expect(valueOf(TEXT, mergeSpans(TEXT, a, b))).toEqual({ start: 0, end: 49 });
  });

  it("merges overlapping and nested claims into the span covering both", () => {
    expect(mergeSpans(TEXT, { start: 0, end: 15 }, { start: 7, end: 22 })).toEqual({ ok: true, value: { start: 0, end: 22 } });
    expect(mergeSpans(TEXT, { start: 0, end: 34 }, { start: 7, end: 11 })).toEqual({ ok: true, value: { start: 0, end: 34 } });
  });

  it("refuses claims with text between them", () => {
    expect(mergeSpans(TEXT, { start: 0, end: 6 }, { start: 16, end: 22 })).toEqual({
      ok: false,
      error: "Only adjacent or overlapping claims can be merged: there is text between them.",
    });
  });
});

describe("adjustBoundary", () => {
  it("grows and shrinks the end word by word, punctuation marks counting as words", () => {
    expect(slices(TEXT, valueOf(TEXT, adjustBoundary(TEXT, CLAIM, "end", 1, "word")))).toEqual(['Lavrov said the report was "junk." VOA']);
    const steps: string[] = [];
    let span: Span = CLAIM;
    for (;;) {
      const edit = adjustBoundary(TEXT, span, "end", -1, "word");
      if (!edit.ok) {
        expect(edit.error).toBe("The claim cannot get any shorter.");
        break;
      }
      span = valueOf(TEXT, edit);
      steps.push(TEXT.slice(span.start, span.end));
    }
    expect(steps).toEqual([
      'Lavrov said the report was "junk.',
      'Lavrov said the report was "junk',
      'Lavrov said the report was "',
      "Lavrov said the report was",
      "Lavrov said the report",
      "Lavrov said the",
      "Lavrov said",
      "Lavrov",
    ]);
  });

  it("moves the start word by word and stops at the text's edges", () => {
    expect(valueOf(TEXT, adjustBoundary(TEXT, CLAIM, "start", 1, "word"))).toEqual({ start: 7, end: 34 });
    expect(valueOf(TEXT, adjustBoundary(TEXT, { start: 7, end: 34 }, "start", -1, "word"))).toEqual(CLAIM);
    expect(adjustBoundary(TEXT, CLAIM, "start", -1, "word")).toEqual({ ok: false, error: "The claim already starts at the beginning of the text." });
    expect(adjustBoundary(TEXT, { start: 35, end: 49 }, "end", 1, "word")).toEqual({ ok: false, error: "The claim already reaches the end of the text." });
    expect(adjustBoundary(TEXT, { start: 0, end: 6 }, "start", 1, "word")).toEqual({ ok: false, error: "The claim cannot get any shorter." });
  });

  it("snaps an edge that was inside a word to the word's end", () => {
    expect(valueOf(TEXT, adjustBoundary(TEXT, { start: 0, end: 9 }, "end", 1, "word"))).toEqual({ start: 0, end: 11 });
    expect(valueOf(TEXT, adjustBoundary(TEXT, { start: 0, end: 9 }, "end", -1, "word"))).toEqual({ start: 0, end: 6 });
  });

  it("moves by whole characters: an emoji with its skin tone is one", () => {
    const text = "Fans 👍🏽 cheered";
    expect(valueOf(text, adjustBoundary(text, { start: 0, end: 4 }, "end", 1, "char"))).toEqual({ start: 0, end: 9 });
    expect(valueOf(text, adjustBoundary(text, { start: 0, end: 9 }, "end", -1, "char"))).toEqual({ start: 0, end: 4 });
    expect(valueOf(TEXT, adjustBoundary(TEXT, CLAIM, "end", 1, "char"))).toEqual({ start: 0, end: 36 });
  });

  it("steps over Chinese words, which have no spaces between them", () => {
    const text = "他说：我们明天去北京。";
    expect(slices(text, valueOf(text, adjustBoundary(text, { start: 0, end: 3 }, "end", 1, "word")))).toEqual(["他说：我们"]);
    expect(slices(text, valueOf(text, adjustBoundary(text, { start: 0, end: 10 }, "end", -1, "word")))).toEqual(["他说：我们明天去"]);
  });

  it("refuses an invalid span", () => {
    expect(adjustBoundary(TEXT, { start: 3, end: 3 }, "end", 1, "word")).toEqual({ ok: false, error: "The span is empty." });
  });
});

describe("snapToWords", () => {
  it("trims white space and extends a cut word to its edges", () => {
    expect(slices(TEXT, valueOf(TEXT, snapToWords(TEXT, { start: 2, end: 13 })))).toEqual(["Lavrov said the"]);
    expect(valueOf(TEXT, snapToWords(TEXT, { start: 6, end: 12 }))).toEqual({ start: 7, end: 11 });
  });

  it("keeps a cut word when asked, but never a cut character", () => {
    expect(valueOf(TEXT, snapToWords(TEXT, { start: 2, end: 13 }, { extendToWords: false }))).toEqual({ start: 2, end: 13 });
    const text = "Fans 👍🏽 cheered";
    expect(valueOf(text, snapToWords(text, { start: 6, end: 13 }, { extendToWords: false }))).toEqual({ start: 5, end: 13 });
    expect(valueOf(text, snapToWords(text, { start: 6, end: 13 }))).toEqual({ start: 5, end: 17 });
  });

  it("clamps to the text and refuses a selection of white space only", () => {
    expect(valueOf(TEXT, snapToWords(TEXT, { start: 40, end: 99 }))).toEqual({ start: 39, end: 49 });
    expect(snapToWords(TEXT, { start: 6, end: 7 })).toEqual({ ok: false, error: "The selection has no text." });
  });
});
