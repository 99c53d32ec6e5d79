import { describe, expect, it } from "vitest";
import { isBoilerplateLine } from "./boilerplate";
import { splitSentences } from "./segment";
import { splitClaims } from "./split";

const claims = (text: string) => splitClaims(text).map((s) => text.slice(s.start, s.end));

describe("page furniture left in an article", () => {
  it("is not offered as claims; the text and the other claims' offsets stay as they were", () => {
    const text = [
      "Poland will leave the treaty, the minister said.",
      "Read more",
      "ADVERTISEMENT",
      "Finland agreed on Tuesday.",
      "  » Read more…",
      "Share this article:",
      "Sign up for our newsletter",
      "Subscribe now →",
      "Critics denied it.",
    ].join("\n");
    const spans = splitClaims(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      "Poland will leave the treaty, the minister said.",
      "Finland agreed on Tuesday.",
      "Critics denied it.",
    ]);
    // The same spans as the splitter's, less the furniture: no offset moves.
    const sentences = splitSentences(text);
    expect(sentences).toHaveLength(9);
    expect(spans).toEqual(sentences.filter((s) => spans.some((c) => c.start === s.start && c.end === s.end)));
    expect(spans[1]).toEqual(sentences[3]);
  });

  it("keeps headings, short sentences, longer lines and a phrase inside a sentence's line", () => {
    const text = [
      "Prices rose",
      "Subscribe.",
      "Advertisement!",
      "Read more about the treaty",
      "Exports fell. Read more",
      "Why subscribe",
      "Related",
    ].join("\n");
    expect(claims(text)).toEqual(["Prices rose", "Subscribe.", "Advertisement!", "Read more about the treaty", "Exports fell.", "Read more", "Why subscribe", "Related"]);
  });

  it("looks at the span's whole line", () => {
    const text = "Advertisement\n\nOfficials said: Advertisement";
    expect(isBoilerplateLine(text, { start: 0, end: 13 })).toBe(true);
    expect(isBoilerplateLine(text, { start: 31, end: 44 })).toBe(false);
  });
});
