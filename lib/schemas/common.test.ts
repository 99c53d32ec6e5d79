import { describe, expect, it } from "vitest";
import { httpUrl } from "@/lib/schemas/common";
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
