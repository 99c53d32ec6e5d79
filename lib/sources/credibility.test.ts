import { describe, expect, it } from "vitest";
import { effectiveCredibility, isBackedOnlyByLowCredibility } from "./credibility";
import { normalizeDomain, publisherDomain } from "./domain";
import { cleanFileName, contentDisposition, fileSourceUrl, isNonWebSourceUrl, offlineSourceUrl, safeDownloadType } from "./non-web";

describe("credibility", () => {
  it("takes the source's own rating first, then its publisher's", () => {
    expect(effectiveCredibility("reliable", "unreliable")).toEqual({ level: "reliable", from: "source" });
    expect(effectiveCredibility(null, "mixed")).toEqual({ level: "mixed", from: "domain" });
    expect(effectiveCredibility(null, null)).toBeNull();
    expect(effectiveCredibility("bogus", "bogus")).toBeNull();
  });

  it("counts a claim only when every backing source is unreliable or mixed", () => {
    const low = { level: "unreliable", from: "source" } as const;
    const mixed = { level: "mixed", from: "domain" } as const;
    const good = { level: "reliable", from: "source" } as const;
    expect(isBackedOnlyByLowCredibility([{ relation: "supports", credibility: low }])).toBe(true);
    expect(
      isBackedOnlyByLowCredibility([
        { relation: "origin", credibility: low },
        { relation: "supports", credibility: mixed },
      ]),
    ).toBe(true);
    expect(
      isBackedOnlyByLowCredibility([
        { relation: "supports", credibility: low },
        { relation: "supports", credibility: good },
      ]),
    ).toBe(false);
    // Unrated sources are not evidence of low credibility.
    expect(
      isBackedOnlyByLowCredibility([
        { relation: "supports", credibility: low },
        { relation: "supports", credibility: null },
      ]),
    ).toBe(false);
    // Context and refuting links back nothing; a claim with none backing it is not counted.
    expect(isBackedOnlyByLowCredibility([{ relation: "context", credibility: low }])).toBe(false);
    expect(
      isBackedOnlyByLowCredibility([
        { relation: "refutes", credibility: low },
        { relation: "supports", credibility: low },
      ]),
    ).toBe(true);
    expect(isBackedOnlyByLowCredibility([])).toBe(false);
  });
});

describe("publisher domains", () => {
  it("drops www. and the trailing dot, and ignores non-web sources", () => {
    expect(publisherDomain("https://www.Example.org./a")).toBe("example.org");
    expect(publisherDomain("http://news.example.org:8080/x")).toBe("news.example.org");
    expect(publisherDomain(fileSourceUrl("a".repeat(64)))).toBeNull();
    expect(normalizeDomain(" WWW.Tabloid.example ")).toBe("tabloid.example");
    expect(normalizeDomain("https://tabloid.example/path")).toBe("tabloid.example");
    expect(normalizeDomain("not a domain!")).toBeNull();
  });
});

describe("non-web sources", () => {
  it("names uploads by their hash and offline sources by a fresh id", () => {
    expect(isNonWebSourceUrl(fileSourceUrl("0".repeat(64)))).toBe(true);
    expect(isNonWebSourceUrl(offlineSourceUrl())).toBe(true);
    expect(offlineSourceUrl()).not.toBe(offlineSourceUrl());
    expect(isNonWebSourceUrl("claimtrack:file/xyz")).toBe(false);
    expect(isNonWebSourceUrl("https://example.org")).toBe(false);
  });

  it("serves downloads under a type from a fixed list, never HTML or SVG", () => {
    expect(safeDownloadType("report.PDF")).toBe("application/pdf");
    expect(safeDownloadType("page.html")).toBe("application/octet-stream");
    expect(safeDownloadType("image.svg")).toBe("application/octet-stream");
    expect(safeDownloadType(null)).toBe("application/octet-stream");
    expect(contentDisposition('a"b;\r\nc.pdf')).toBe(`attachment; filename="a_b___c.pdf"; filename*=UTF-8''a%22b%3B__c.pdf`);
    expect(contentDisposition("report \u202efdp.exe")).toBe(`attachment; filename="report _fdp.exe"; filename*=UTF-8''report%20_fdp.exe`);
    expect(cleanFileName("C:\\scans\\report \u202efdp\u2066.exe")).toBe("report fdp.exe");
    expect(cleanFileName("\u202e")).toBe("upload");
    expect(contentDisposition("Überblick.pdf")).toMatch(
      /^attachment; filename="_berblick.pdf"; filename\*=UTF-8''%C3%9Cberblick\.pdf$/,
    );
  });
});
