import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { toCsvExport } from "./csv";
import { ExportParseError, parseJsonExport, toJsonExport } from "./json";
import { buildSampleArticle } from "./testdata/sample-article";
import { CLAIM_FLAG_LABELS, type ClaimFlag } from "./summary";
import { JSON_EXPORT_FORMAT, type ArticleExport } from "./types";

const sample = buildSampleArticle();

describe("toJsonExport", () => {
  const json = toJsonExport(sample);

  it("starts with the format marker, then the data in schema order", () => {
    const parsed = JSON.parse(json) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(["format", "baseUrl", "exportedAt", "article", "revision", "claims", "orphanedClaims"]);
    expect(parsed.format).toBe(JSON_EXPORT_FORMAT);
  });

  it("round-trips the sample losslessly, comments, replies and history included", () => {
    const back = parseJsonExport(json);
    expect(back).toEqual(sample);
    expect(back.claims[9]?.comments[0]?.replies[0]?.body).toBe("Checking 🙏");
    expect(back.revision.text).toBe(sample.revision.text);
    expect(toJsonExport(back)).toBe(json);
  });

  it("gives the same bytes whatever the input's key order", () => {
    const reordered = JSON.parse(JSON.stringify(sample), (_key, value: unknown) =>
      value && typeof value === "object" && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value,
    ) as ArticleExport;
    expect(Object.keys(reordered)[0]).toBe("orphanedClaims");
    expect(toJsonExport(reordered)).toBe(json);
  });

  it("reads an export written before claims carried their anchor status or orphaned claims", () => {
    const parsed = JSON.parse(json) as Record<string, unknown> & { claims: Record<string, unknown>[] };
    delete parsed.orphanedClaims;
    for (const c of parsed.claims) {
      delete c.anchorStatus;
      delete c.previousText;
    }
    expect(parseJsonExport(JSON.stringify(parsed))).toEqual(sample);
  });

  it("keeps an orphaned claim with everything it had, and a changed claim's earlier text", () => {
    const first = sample.claims[0]!;
    const data: ArticleExport = {
      ...sample,
      claims: [{ ...first, anchorStatus: "changed", previousText: "The Ottawa Treaty, signed in 1996" }, ...sample.claims.slice(1)],
      orphanedClaims: [{ ...sample.claims[1]!, anchorStatus: "orphaned", revision: 1 }],
    };
    const back = parseJsonExport(toJsonExport(data));
    expect(back).toEqual(data);
    expect(back.orphanedClaims[0]).toMatchObject({ anchorStatus: "orphaned", revision: 1, tag: sample.claims[1]!.tag, sources: sample.claims[1]!.sources });
  });

  it("gives each claim the flags the CSV export shows, derived, and never reads them back", () => {
    const claims = (JSON.parse(json) as { claims: { id: string; flags: string[] }[] }).claims;
    const csvFlags = parseCsv(toCsvExport(sample), { bom: true, columns: true }) as { claim_id: string; flags: string }[];
    expect(claims.map((c) => c.flags.map((f) => CLAIM_FLAG_LABELS[f as ClaimFlag]).join("; "))).toEqual(csvFlags.map((r) => r.flags));
    const all = claims.flatMap((c) => c.flags);
    expect(all.filter((f) => f === "backed_only_by_low_credibility")).toHaveLength(1);
    expect(all.filter((f) => f === "stated_without_support")).toHaveLength(2);
    // Flags edited in the file change nothing: they are computed again from the claims.
    const edited = json.replace(/"flags": \[[^\]]*\]/g, '"flags": ["unsourced"]');
    expect(edited).not.toBe(json);
    const back = parseJsonExport(edited);
    expect(back).toEqual(sample);
    expect(back.claims[0]).not.toHaveProperty("flags");
    expect(toJsonExport(back)).toBe(json);
  });

  it("refuses data that breaks the schema", () => {
    const bad = { ...sample, claims: [{ ...sample.claims[0]!, verdict: "pants_on_fire" }] } as unknown as ArticleExport;
    expect(() => toJsonExport(bad)).toThrow();
  });
});

describe("parseJsonExport", () => {
  it("refuses text that is not JSON", () => {
    expect(() => parseJsonExport("claim,tag\n")).toThrow(ExportParseError);
  });

  it("refuses JSON without the format marker, naming what it found", () => {
    expect(() => parseJsonExport(JSON.stringify({ ...sample, format: "claimtrack-article@2" }))).toThrow(/claimtrack-article@2/);
    expect(() => parseJsonExport(JSON.stringify(sample))).toThrow(/format is undefined/);
  });

  it("refuses a marked export with an invalid field, and says where", () => {
    const json = toJsonExport(sample).replace('"reviewState": "approved"', '"reviewState": "published"');
    expect(() => parseJsonExport(json)).toThrow(/reviewState/);
  });
});
