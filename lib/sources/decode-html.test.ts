import { describe, expect, it } from "vitest";
import { decodeHtmlBody, isHtmlContentType } from "./decode-html";

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe("decodeHtmlBody", () => {
  it("uses the Content-Type charset", () => {
    expect(decodeHtmlBody(latin1("<p>Caf\xe9</p>"), "text/html; charset=ISO-8859-1")).toBe("<p>Café</p>");
  });

  it("falls back to a <meta charset> or http-equiv in the first 1024 bytes", () => {
    expect(decodeHtmlBody(latin1('<meta charset="windows-1252"><p>\x93quoted\x94</p>'), "text/html")).toBe(
      '<meta charset="windows-1252"><p>“quoted”</p>',
    );
    const equiv = latin1('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15"><p>\xa4</p>');
    expect(decodeHtmlBody(equiv, null)).toContain("<p>€</p>");
  });

  it("decodes windows-1252 (and latin1 labels) with the WHATWG table despite nodejs/node#60888", () => {
    const bytes = latin1("\x80 \x93a\x94 \x85 \x9f \xe9");
    expect(decodeHtmlBody(bytes, "text/html; charset=windows-1252")).toBe("€ “a” … Ÿ é");
    expect(decodeHtmlBody(bytes, "text/html; charset=iso-8859-1")).toBe("€ “a” … Ÿ é");
  });

  it("defaults to UTF-8, honours a BOM, and survives unknown labels", () => {
    const utf8 = new TextEncoder().encode("<p>Réforme – «texte»</p>");
    expect(decodeHtmlBody(utf8, "text/html")).toBe("<p>Réforme – «texte»</p>");
    expect(decodeHtmlBody(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), "text/html; charset=iso-8859-1")).toBe("<p>Réforme – «texte»</p>");
    expect(decodeHtmlBody(utf8, "text/html; charset=x-no-such-charset")).toBe("<p>Réforme – «texte»</p>");
  });
});

describe("isHtmlContentType", () => {
  it.each([
    ["text/html; charset=utf-8", true],
    ["application/xhtml+xml", true],
    ["TEXT/HTML", true],
    ["application/pdf", false],
    ["text/plain", false],
    [null, false],
  ])("%s → %s", (type, expected) => {
    expect(isHtmlContentType(type)).toBe(expected);
  });
});
