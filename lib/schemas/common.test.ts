import { describe, expect, it } from "vitest";
import { asOneLine, httpUrl, isRealDay, isoDate, textTrouble } from "@/lib/schemas/common";
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
  type Schema = Parameters<typeof messages>[0];
  const base = { claim: { version: 1 }, link: { url: "https://example.org/a", relation: "supports" }, article: { title: "T", text: "Some text." } };
  // Every free-text field of a claim, a source link, a source edit and an article, with whether it is one line.
  const FIELDS: [string, Schema, object, string, "one" | "many"][] = [
    ["speaker", updateClaimSchema, base.claim, "Speaker", "one"],
    ["cue", updateClaimSchema, base.claim, "Cue", "one"],
    ["note", updateClaimSchema, base.claim, "Note", "many"],
    ["verdictRationale", updateClaimSchema, base.claim, "Verdict rationale", "many"],
    ["title", linkSourceSchema, base.link, "Title", "one"],
    ["quote", linkSourceSchema, base.link, "Quote", "many"],
    ["publisher", linkSourceSchema, base.link, "Publisher", "one"],
    ["title", updateSourceSchema, {}, "Title", "one"],
    ["notes", updateSourceSchema, {}, "Notes", "many"],
    ["title", importArticleSchema, base.article, "Title", "one"],
    ["publisher", importArticleSchema, base.article, "Publisher", "one"],
  ];
  it.each(FIELDS)("%s (%s): no control characters; one-line fields take no line breaks or bidi controls", (field, schema, rest, label, lines) => {
    const check = (value: string) => messages(schema, { ...rest, [field]: value });
    expect(check("Plain words, ‘quoted’ — and Arabic: مرحبا")).toEqual([]);
    expect(check("said\u0000it")).toEqual([`${label} contains a control character (U+0000): remove it`]);
    expect(check("bell\u0007")).toEqual([`${label} contains a control character (U+0007): remove it`]);
    expect(check("Evil\u202Espeaker")).toEqual(lines === "one" ? [`${label} contains a bidirectional control character (U+202E) that would change the order it reads in: remove it`] : []);
    expect(check("line one\nline two")).toEqual(lines === "one" ? [`${label} must be one line`] : []);
  });
  it("comments, user and token names and speaker groups are checked too", () => {
    expect(messages(addCommentSchema, { claimId: "c1", body: "two\nlines are fine" })).toEqual([]);
    expect(messages(addCommentSchema, { claimId: "c1", body: "nul\u0000" })).toEqual(["A comment contains a control character (U+0000): remove it"]);
    expect(messages(createUserSchema, { email: "a@example.org", name: "Ann\nB", role: "editor", password: "correct horse battery" })).toEqual(["Name must be one line"]);
    expect(messages(createTokenSchema, { name: "ci\u202E" })).toEqual([expect.stringMatching(/^Token name contains a bidirectional control character/)]);
    expect(messages(groupSpeakerSchema, { name: "Russia\u0000", canonical: "Russia" })).toEqual(["Speaker name contains a control character (U+0000): remove it"]);
  });
  it("text from a page or file is made one line rather than refused", () => {
    expect(asOneLine("  Breaking:\u202B news\n\tat\u0000 ten  ")).toBe("Breaking: news at ten");
    expect(textTrouble(asOneLine("a\u202Eb\r\nc\u0007"), "Title", "one")).toBeNull();
    expect(extractArticleFromHtml("<html><head><title>Gaza\u202B update\n</title></head><body><p>Text.</p></body></html>").title).toBe("Gaza update");
  });
  it("textTrouble names the first character at fault", () => {
    expect(textTrouble("a\u0085b", "Note", "many")).toBe("Note contains a control character (U+0085): remove it");
    expect(textTrouble("a\tb", "Cue", "one")).toBe("Cue contains a tab: use a space");
    expect(textTrouble("a\tb", "Note", "many")).toBeNull();
    expect(textTrouble("a\u2066b\u2069", "Cue", "one")).toMatch(/U\+2066/);
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
