import { describe, expect, it } from "vitest";
import { canonicalizeUrl } from "./url";

describe("canonicalizeUrl", () => {
  it("strips tracking parameters, fragments and default ports", () => {
    expect(canonicalizeUrl("HTTPS://Example.COM:443/a/b?utm_source=x&id=7&fbclid=abc#top")).toBe(
      "https://example.com/a/b?id=7",
    );
    expect(canonicalizeUrl("http://example.com:80/?utm_medium=mail")).toBe("http://example.com/");
  });

  it("keeps meaningful parameters in their order", () => {
    expect(canonicalizeUrl("https://example.com/search?q=mines&page=2")).toBe("https://example.com/search?q=mines&page=2");
  });

  it("refuses other schemes", () => {
    expect(() => canonicalizeUrl("javascript:alert(1)")).toThrow(/Not an http/);
    expect(() => canonicalizeUrl("not a url")).toThrow();
  });
});
