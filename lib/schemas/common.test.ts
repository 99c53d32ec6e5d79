import { describe, expect, it } from "vitest";
import { httpUrl, isRealDay, isoDate } from "@/lib/schemas/common";
import { updateClaimSchema } from "@/lib/schemas/claim";
import { importArticleSchema } from "@/lib/schemas/article";
import { linkSourceSchema } from "@/lib/sources/source-schemas";

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
