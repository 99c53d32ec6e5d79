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

describe("canonicalizeUrl de-duplication edge cases", () => {
  it.each([
    // Host spelling: case, IDN, trailing dot, default port.
    ["https://EXAMPLE.com./a", "https://example.com/a"],
    ["https://Bücher.example/Straße", "https://xn--bcher-kva.example/Stra%C3%9Fe"],
    ["https://example.com:443", "https://example.com/"],
    // Credentials and fragments never identify a page.
    ["https://user:pw@example.com/a#section-2", "https://example.com/a"],
    // Tracking parameters, whatever their case, wherever they sit; an emptied query goes.
    ["https://example.com/a?UTM_Source=x&UTM_MEDIUM=y", "https://example.com/a"],
    ["https://example.com/a?id=1&fbclid=abc&page=2&gclid=z", "https://example.com/a?id=1&page=2"],
    ["https://www.theguardian.example/world/story?CMP=share_btn_tw", "https://www.theguardian.example/world/story"],
    ["https://www.nytimes.example/2024/03/15/us/story.html?smid=nytcore-ios-share&smtyp=cur", "https://www.nytimes.example/2024/03/15/us/story.html"],
    ["https://example.com/a?", "https://example.com/a"],
    ["https://example.com/a?&&id=1&", "https://example.com/a?id=1"],
    // Other parameters keep their exact encoding, tracker or not.
    ["https://example.com/s?q=a%20b&flag", "https://example.com/s?q=a%20b&flag"],
    ["https://example.com/s?q=a%20b&flag&utm_source=x", "https://example.com/s?q=a%20b&flag"],
    ["https://example.com/s?q=a+b", "https://example.com/s?q=a+b"],
    // Escapes of unreserved characters are the characters; reserved escapes stay.
    ["https://example.com/%7Euser/%41rticle", "https://example.com/~user/Article"],
    ["https://example.com/a%2Fb?x=%7e%26", "https://example.com/a%2Fb?x=~%26"],
    // Surrounding white space.
    ["  https://example.com/a \n", "https://example.com/a"],
  ])("%s → %s", (input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it("gives the same key to the shapes of one shared link", () => {
    const shapes = [
      "https://news.example/story?id=7",
      "HTTPS://NEWS.EXAMPLE:443/story?id=7#comments",
      "https://news.example./story?utm_source=twitter&id=7&utm_campaign=spring",
      "https://news.example/st%6Fry?id=7&fbclid=IwAR0",
    ];
    expect(new Set(shapes.map(canonicalizeUrl))).toEqual(new Set(["https://news.example/story?id=7"]));
  });

  it("keeps apart what differs: scheme, www, path case, trailing slash, meaningful parameters", () => {
    const distinct = [
      "http://news.example/story",
      "https://news.example/story",
      "https://www.news.example/story",
      "https://news.example/Story",
      "https://news.example/story/",
      "https://news.example/story?page=2",
    ];
    expect(new Set(distinct.map(canonicalizeUrl)).size).toBe(distinct.length);
  });
});
