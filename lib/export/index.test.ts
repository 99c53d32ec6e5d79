import { describe, expect, it } from "vitest";
import { buildExport, EXPORT_FORMATS, isExportFormat, slugify } from "./index";
import { parseJsonExport } from "./json";
import { flagClaim, summarizeClaims } from "./summary";
import { buildSampleArticle } from "./testdata/sample-article";

const sample = buildSampleArticle();
const options = { publisher: { name: "Example Fact Desk" } };

describe("buildExport", () => {
  it.each(EXPORT_FORMATS.map((f) => [f]))("builds %s with a media type and a file name", (format) => {
    const file = buildExport(format, sample, options);
    expect(file.body.length).toBeGreaterThan(100);
    expect(file.fileName).toMatch(/^baltic-states-and-poland-to-withdraw-from-the-ottawa-treaty\.[a-z.]+$/);
    expect(file.contentType).toMatch(/^(application|text)\//);
  });

  it("gives each format its own body", () => {
    expect(parseJsonExport(buildExport("json", sample, options).body)).toEqual(sample);
    expect(buildExport("csv", sample, options).body.startsWith("\uFEFFarticle_id,")).toBe(true);
    expect(JSON.parse(buildExport("w3c", sample, options).body)).toMatchObject({ type: "AnnotationCollection", total: 16 });
    expect(JSON.parse(buildExport("claimreview", sample, options).body)).toHaveLength(8);
    expect(buildExport("markdown", sample, options).body.startsWith("# Claims report")).toBe(true);
  });

  it("falls back to the article id for a title without ASCII letters", () => {
    const file = buildExport("csv", { ...sample, article: { ...sample.article, title: "Выход из Оттавской конвенции" } }, options);
    expect(file.fileName).toBe("art_ottawa.claims.csv");
  });
});

describe("isExportFormat", () => {
  it("accepts the five formats only", () => {
    expect(EXPORT_FORMATS.every(isExportFormat)).toBe(true);
    expect(isExportFormat("xlsx")).toBe(false);
    expect(isExportFormat("JSON")).toBe(false);
  });
});

describe("slugify", () => {
  it("keeps ASCII letters and digits, drops accents and apostrophes", () => {
    expect(slugify("Poland’s mines, 2025 — Łódź & Kraków")).toBe("polands-mines-2025-odz-krakow");
    expect(slugify("x".repeat(70))).toHaveLength(60);
  });
});

describe("summarizeClaims and flagClaim", () => {
  it("returns zeros and a 0 share for no claims", () => {
    const s = summarizeClaims([]);
    expect(s.total).toBe(0);
    expect(s.sourcedShare).toBe(0);
    expect(s.needingAttention).toBe(0);
  });

  it("flags disputed claims lacking a refuting or origin source, and attributed ones lacking an origin", () => {
    expect(flagClaim({ tag: "disputed", sources: [{ relation: "supports" }] })).toEqual(["disputed_without_refuting_or_origin"]);
    expect(flagClaim({ tag: "disputed", sources: [{ relation: "refutes" }] })).toEqual([]);
    expect(flagClaim({ tag: "disputed", sources: [{ relation: "origin" }] })).toEqual([]);
    expect(flagClaim({ tag: "attributed", sources: [{ relation: "supports" }] })).toEqual(["attributed_without_origin"]);
    expect(flagClaim({ tag: "stated", sources: [] })).toEqual(["unsourced"]);
    expect(flagClaim({ tag: null, sources: [{ relation: "context" }] })).toEqual([]);
  });

  it("counts the sample's relations and verdicts", () => {
    const s = summarizeClaims(sample.claims);
    expect(s.relations).toEqual({ supports: 3, refutes: 2, context: 2, origin: 2 });
    expect(s.verdicts.none).toBe(8);
    // Ten lack the source their tag calls for; one more rests only on a source its
    // publisher's rating calls mixed; two stated claims are cited only by sources that refute them.
    expect(s.needingAttention).toBe(13);
    expect(s.flags.backed_only_by_low_credibility).toBe(1);
    expect(s.flags.stated_without_support).toBe(2);
  });
});
