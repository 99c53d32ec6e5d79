import { describe, expect, it } from "vitest";
import { asOneLine, cleanTyped, httpUrl, isRealDay, isoDate } from "@/lib/schemas/common";
import { extractArticleFromHtml } from "@/lib/text/html";
import { updateClaimSchema } from "@/lib/schemas/claim";
import { createTokenSchema, createUserSchema } from "@/lib/schemas/user";
import { addCommentSchema } from "@/lib/data/comments";
import { groupSpeakerSchema } from "@/lib/data/speakers";
import { addSourceSchema } from "@/lib/schemas/source";
import { createClaimSchema } from "@/lib/schemas/span";
import { claimSearchSchema } from "@/lib/data/search-filters";
import { importArticleSchema } from "@/lib/schemas/article";
import { linkSourceSchema, updateSourceSchema } from "@/lib/sources/source-schemas";

const messages = (schema: { safeParse: (v: unknown) => { error?: { issues: { message: string }[] } } }, value: unknown) =>
  schema.safeParse(value).error?.issues.map((i) => i.message) ?? [];

describe("URL fields", () => {
  it("say one thing at a time: an empty URL is required, not also malformed", () => {
    expect(messages(httpUrl, "  ")).toEqual(["URL is required"]);
    expect(messages(linkSourceSchema, { url: "", relation: "supports" })).toEqual(["URL is required"]);
  });
  it("refuse other schemes and overlong addresses with one message each", () => {
    expect(messages(httpUrl, "javascript:alert(1)")).toEqual(["URL must be an http:// or https:// address"]);
    expect(messages(httpUrl, `https://example.org/${"a".repeat(2100)}`)).toEqual(["URL must be at most 2048 characters"]);
    expect(messages(httpUrl, "https://example.org/ok")).toEqual([]);
  });
});

describe("dates", () => {
  it("refuse a day that does not exist instead of rolling it into the next month", () => {
    expect(messages(isoDate, "2025-02-30")).toEqual(["Publication date is not a real date"]);
    expect(messages(isoDate, "2024-02-29")).toEqual([]);
    expect(messages(isoDate, "2025-03-18T10:00:00Z")).toEqual([]);
    expect(messages(isoDate, "notadate")).toEqual(["Publication date must be a date such as 2025-03-18"]);
    expect([isRealDay("2025-04-31"), isRealDay("2025-04-30"), isRealDay("no day here")]).toEqual([false, true, true]);
  });
});

describe("types", () => {
  it("tell a missing field from one of the wrong type", () => {
    expect(messages(importArticleSchema, { text: "One. Two." })).toEqual(["Title is required"]);
    expect(messages(importArticleSchema, { title: 123, text: ["a"] })).toEqual(["Title must be text", "Article text must be text"]);
    expect(messages(httpUrl, 42)).toEqual(["URL must be text"]);
  });
});

describe("claim updates", () => {
  it("tell a missing version from a wrong one", () => {
    expect(messages(updateClaimSchema, { tag: "stated" })).toEqual(["version is required: send the version you read"]);
    expect(messages(updateClaimSchema, { tag: "stated", version: "3" })).toEqual(["version must be a number"]);
    expect(messages(updateClaimSchema, { tag: "stated", version: 3.5 })).toEqual(["version must be a whole number"]);
    expect(messages(updateClaimSchema, { tag: "stated", version: 0 })).toEqual(["version must be 1 or more"]);
    expect(messages(updateClaimSchema, { tag: null, version: 4 })).toEqual([]);
  });
});

describe("typed text fields", () => {
  type Parsed = { success: boolean; data?: unknown; error?: unknown };
  type Schema = { safeParse: (v: unknown) => Parsed };
  const base = { claim: { version: 1 }, link: { url: "https://example.org/a", relation: "supports" }, article: { title: "T", text: "Some text." } };
  // Every free-text field of a claim, a source link, a source edit and an article, with whether it is one line.
  const FIELDS: [string, Schema, object, "one" | "many"][] = [
    ["speaker", updateClaimSchema, base.claim, "one"],
    ["cue", updateClaimSchema, base.claim, "one"],
    ["note", updateClaimSchema, base.claim, "many"],
    ["verdictRationale", updateClaimSchema, base.claim, "many"],
    ["title", linkSourceSchema, base.link, "one"],
    ["quote", linkSourceSchema, base.link, "many"],
    ["publisher", linkSourceSchema, base.link, "one"],
    ["title", updateSourceSchema, {}, "one"],
    ["notes", updateSourceSchema, {}, "many"],
    ["title", importArticleSchema, base.article, "one"],
    ["publisher", importArticleSchema, base.article, "one"],
  ];
  it.each(FIELDS)("%s: control characters go; a one-line field is made one line, without bidi controls", (field, schema, rest, lines) => {
    const stored = (value: string) => {
      const parsed = schema.safeParse({ ...rest, [field]: value });
      expect(parsed.success, JSON.stringify(parsed.error)).toBe(true);
      return (parsed.data as Record<string, unknown>)[field];
    };
    expect(stored("Plain words, ‘quoted’ — and Arabic: مرحبا")).toBe("Plain words, ‘quoted’ — and Arabic: مرحبا");
    expect(stored("said\u0000it")).toBe(lines === "one" ? "said it" : "saidit");
    expect(stored("bell\u0007 ")).toBe("bell");
    expect(stored("Evil\u202Espeaker")).toBe(lines === "one" ? "Evilspeaker" : "Evil\u202Espeaker");
    expect(stored("line one\r\nline\ttwo")).toBe(lines === "one" ? "line one line two" : "line one\r\nline\ttwo");
    // Text stored before this rule, sent back unchanged by a form, still saves.
    expect(stored("Ahmed\n\u2067علي\u2069")).toBe(lines === "one" ? "Ahmed علي" : "Ahmed\n\u2067علي\u2069");
  });
  it("comments, user and token names and speaker groups are cleaned too, and nothing left is still nothing", () => {
    expect(addCommentSchema.parse({ claimId: "c1", body: "two\nlines are fine\u0000" }).body).toBe("two\nlines are fine");
    expect(messages(addCommentSchema, { claimId: "c1", body: "\u0000 " })).toEqual(["Write a comment first"]);
    expect(createUserSchema.parse({ email: "a@example.org", name: "Ann\nB", role: "editor", password: "correct horse battery" }).name).toBe("Ann B");
    expect(messages(createTokenSchema, { name: "\u202E" })).toEqual(["Token name is required"]);
    expect(groupSpeakerSchema.parse({ name: "Russia\u0000", canonical: "Russia" })).toEqual({ name: "Russia", canonical: "Russia" });
    expect(messages(importArticleSchema, { title: "\u0000\t", text: "Some text." })).toEqual(["Title is required"]);
    expect(updateClaimSchema.parse({ speaker: "\u202E", version: 1 }).speaker).toBeNull();
    expect(linkSourceSchema.parse({ ...base.link, title: "\u0007" }).title).toBeUndefined();
  });
  it("asOneLine and cleanTyped", () => {
    expect(asOneLine("  Breaking:\u202B news\n\tat\u0000 ten  ")).toBe("Breaking: news at ten");
    expect(cleanTyped("a\u0085b\u007F", "many")).toBe("ab");
    expect(extractArticleFromHtml("<html><head><title>Gaza\u202B update\n</title></head><body><p>Text.</p></body></html>").title).toBe("Gaza update");
  });
});

describe("request messages", () => {
  it("say what is wrong in words", () => {
    expect(messages(importArticleSchema, { title: "T", text: "Hello.", publised_at: "2025-01-01" })).toEqual(['Unrecognized key: "publised_at"']);
    expect(messages(addSourceSchema, { url: "https://x.example" })).toEqual(["Relation is required: supports, refutes, context or origin"]);
    expect(messages(createClaimSchema, { start: 1, end: 99999999999999999999 })).toEqual(["Offsets must be within the article's text"]);
    expect(messages(claimSearchSchema, { page: "0" })).toEqual(["Page must be a whole number from 1 to 200"]);
    // A search must look for something, the same on both databases.
    expect(messages(claimSearchSchema, { q: "-treaty" })).toEqual(['Search for at least one word: a word with "-" before it only leaves claims out']);
    expect(messages(claimSearchSchema, { q: "👍🏽 !!" })).toEqual(["Search text has no letters or digits to search for: emoji and punctuation are not indexed"]);
    expect(messages(claimSearchSchema, { q: "treaty -mines" })).toEqual([]);
    expect(messages(claimSearchSchema, { q: "" })).toEqual([]);
  });
});

describe("source dates", () => {
  it("refuse days that do not exist rather than rolling them over", () => {
    expect(messages(updateSourceSchema, { publishedAt: "2025-02-30" })).toEqual(["Publication date is not a real date"]);
    expect(messages(updateSourceSchema, { accessedAt: "2025-02-31" })).toEqual(["Accessed date is not a real date"]);
    expect(updateSourceSchema.parse({ publishedAt: "2024-02-29", accessedAt: null })).toEqual({ publishedAt: new Date("2024-02-29T00:00:00Z"), accessedAt: null });
    expect(updateSourceSchema.parse({ publishedAt: "" })).toEqual({ publishedAt: null });
  });
});
