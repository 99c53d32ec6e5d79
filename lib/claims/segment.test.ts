import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { splitSentences, trimSpan } from "./segment";
import { splitClaims } from "./split";
import { buildQuoteSelector } from "./quote";

type Rule = { id: number; name: string; text: string; expected: string[] };
const rules = JSON.parse(readFileSync(new URL("./testdata/golden-rules-en.json", import.meta.url), "utf8")) as Rule[];
const sample = readFileSync(new URL("./testdata/ottawa-treaty-withdrawal.txt", import.meta.url), "utf8");

function sentences(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

describe("splitSentences on the English Golden Rules", () => {
  it("passes at least 47 of 48 rules, scored as pySBD does", () => {
    const failed = rules.filter((r) => JSON.stringify(sentences(r.text).map((s) => s.trim())) !== JSON.stringify(r.expected));
    expect(failed.map((r) => `${r.id} ${r.name}`)).toEqual([]);
    expect(rules.length - failed.length).toBeGreaterThanOrEqual(47);
  });

  it.each(rules.map((r) => [r.id, r.name, r] as const))("rule %i: %s", (_id, _name, rule) => {
    expect(sentences(rule.text)).toEqual(rule.expected);
  });
});

describe("splitSentences on news text", () => {
  it.each([
    ["dateline", "WARSAW (Reuters) - Poland said on Tuesday it would leave. Officials agreed.", ["WARSAW (Reuters) - Poland said on Tuesday it would leave.", "Officials agreed."]],
    ["dateline with an abbreviated date", "DAMASCUS, Syria, Sept. 26 (UPI) -- Rebels attacked. Gen. David Petraeus said so.", ["DAMASCUS, Syria, Sept. 26 (UPI) -- Rebels attacked.", "Gen. David Petraeus said so."]],
    ["abbreviated city", "ST. LOUIS (AP) — The mayor spoke. He left at 5 p.m. Tuesday.", ["ST. LOUIS (AP) — The mayor spoke.", "He left at 5 p.m. Tuesday."]],
    ["closing quote after the period", "He said, “We will win.” Then he left.", ["He said, “We will win.”", "Then he left."]],
    ["quoted question, then attribution", "“Is this over?” she asked. “No!” he said.", ["“Is this over?” she asked.", "“No!” he said."]],
    ["company and initialisms", "Apple Inc. Chief Executive Tim Cook spoke. The U.N. Security Council met. I live in the U.S. Officials disagree.", ["Apple Inc. Chief Executive Tim Cook spoke.", "The U.N. Security Council met.", "I live in the U.S.", "Officials disagree."]],
    ["URL and e-mail at a sentence end", "Visit https://example.com/a.b?x=1. Or mail jane.doe@ex.org. Thanks!", ["Visit https://example.com/a.b?x=1.", "Or mail jane.doe@ex.org.", "Thanks!"]],
    ["decimals and a parenthesis", "The rate rose 3.5 percent. It was $1.2 billion (about €1.1 billion). Done.", ["The rate rose 3.5 percent.", "It was $1.2 billion (about €1.1 billion).", "Done."]],
    ["initials and D.C.", "Washington, D.C. (AP) — President George W. Bush spoke.", ["Washington, D.C. (AP) — President George W. Bush spoke."]],
    ["glued sentences", "Hello world.Today is Tuesday.Mr. Smith left.", ["Hello world.", "Today is Tuesday.", "Mr. Smith left."]],
    ["state abbreviation", "He lives in Atlanta, Ga. The city is large. A near miss. Officials said so.", ["He lives in Atlanta, Ga.", "The city is large.", "A near miss.", "Officials said so."]],
  ])("%s", (_name, text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  it("ends a sentence at every line break, so headlines stand alone", () => {
    const text = "A headline without a period\nThe body starts here.\r\nSecond paragraph\n\n• A bullet";
    expect(sentences(text)).toEqual(["A headline without a period", "The body starts here.", "Second paragraph", "• A bullet"]);
  });

  it("returns exact, trimmed, ordered offsets into the original text", () => {
    const text = `  First one. Second “quoted” one!\n\n${sample}\n\t`;
    const spans = splitClaims(text);
    let previousEnd = 0;
    for (const span of spans) {
      const claim = text.slice(span.start, span.end);
      expect(claim).toBe(claim.trim());
      expect(claim.length).toBeGreaterThan(0);
      expect(span.start).toBeGreaterThanOrEqual(previousEnd);
      previousEnd = span.end;
    }
    expect(sentences(text).slice(0, 2)).toEqual(["First one.", "Second “quoted” one!"]);
  });

  it("splits the sample article into its 16 sentences", () => {
    const got = sentences(sample);
    expect(got).toHaveLength(16);
    expect(got[2]).toBe("In a joint statement, the defense ministries of the four countries emphasized the need for “flexibility and freedom of choice to potentially use new weapon systems and solutions.”");
    expect(got[15]).toMatch(/^Russia has repeatedly denied .* to its borders\.$/);
  });

  it("returns nothing for blank text", () => {
    expect(splitSentences(" \n\t\n")).toEqual([]);
    expect(splitSentences("")).toEqual([]);
  });
});

describe("splitSentences on Chinese and Japanese", () => {
  it.each([
    ["Japanese full stops, no blank after them", "日本語の文です。これは二つ目の文です。", ["日本語の文です。", "これは二つ目の文です。"]],
    ["Chinese question and exclamation marks", "你去哪里？我去北京！好的。", ["你去哪里？", "我去北京！", "好的。"]],
    ["a quotation the sentence goes on from", "「はい。」と彼は言った。次の文です。", ["「はい。」と彼は言った。", "次の文です。"]],
    ["a quoted sentence on its own", "「終わりだ。」 次の文です。", ["「終わりだ。」", "次の文です。"]],
    ["mixed with English and emoji", "日本語の文です。 Emoji test 🚀🚀 works. これは文です。", ["日本語の文です。", "Emoji test 🚀🚀 works.", "これは文です。"]],
  ])("%s", (_name, text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });
});

describe("trimSpan", () => {
  it("narrows to the non-blank part and rejects blank spans", () => {
    expect(trimSpan("  ab  ", 0, 6)).toEqual({ start: 2, end: 4 });
    expect(trimSpan("\u00a0ab\u2003", 0, 4)).toEqual({ start: 1, end: 3 });
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
