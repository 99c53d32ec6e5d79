import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, csvCell, formatSourceLine, toCsvExport, UTF8_BOM } from "./csv";
import { buildSampleArticle } from "./testdata/sample-article";
import type { ArticleExport } from "./types";

const sample = buildSampleArticle();

/** Parses CSV the way a strict reader does: RFC 4180 quoting, BOM dropped, nothing relaxed. */
function readCsv(csv: string): Record<string, string>[] {
  return parse(csv, { bom: true, columns: true, relax_quotes: false, relax_column_count: false, record_delimiter: "\r\n" }) as Record<string, string>[];
}

describe("toCsvExport", () => {
  const csv = toCsvExport(sample);

  it("starts with a UTF-8 BOM and ends every record with CRLF", () => {
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    // No bare LF outside quoted fields: strip the quoted fields and look.
    expect(csv.replace(/"(?:[^"]|"")*"/g, "").match(/(?<!\r)\n/g)).toBeNull();
  });

  it("round-trips through csv-parse: one row per claim, every column", () => {
    const rows = readCsv(csv);
    expect(rows).toHaveLength(sample.claims.length);
    expect(Object.keys(rows[0] ?? {})).toEqual([...CSV_COLUMNS]);
    rows.forEach((row, i) => {
      const claim = sample.claims[i];
      if (!claim) throw new Error("row without claim");
      expect(row.claim_id).toBe(claim.id);
      expect(row.claim).toBe(claim.text);
      expect(Number(row.start)).toBe(claim.start);
      expect(Number(row.end)).toBe(claim.end);
      expect(row.tag).toBe(claim.tag ?? "");
      expect(row.speaker).toBe(claim.speaker ?? "");
      expect(row.source_count).toBe(String(claim.sources.length));
      expect(row.article_title).toBe(sample.article.title);
    });
  });

  it("keeps embedded quotes, commas, line breaks, non-Latin text and emoji intact", () => {
    const rows = readCsv(csv);
    // Claim 3 ("In a joint statement, …") holds typographic quotes and commas.
    expect(rows[2]?.claim).toBe(sample.claims[2]?.text);
    expect(rows[2]?.claim).toContain("“flexibility and freedom of choice");
    // The origin quote of claim 1 holds a comma and a line break; its title holds ASCII quotes.
    expect(rows[0]?.sources).toBe(
      'origin: Joint statement of the Ministers of Defence, "Ottawa" withdrawal <https://www.gov.pl/web/national-defence/joint-statement> (para 2) ' +
        "“We believe that in the current security environment it is paramount to provide our defence forces with flexibility,\nand freedom of choice”",
    );
    expect(rows[6]?.sources).toContain("中国 and Россия 🇷🇺");
    expect(rows[9]?.verdict_rationale).toBe('The budget is about 10 billion złoty; "24 billion euros" is not in any official source.');
    expect(rows[3]?.sources?.split(" | ")).toHaveLength(2);
  });

  it("neutralises formula starts with a single quote (OWASP), and only those", () => {
    const rows = readCsv(csv);
    expect(rows[1]?.sources).toBe('supports: Bendras pareiškimas / Совместное заявление <https://kam.lt/en/joint-statement-ottawa> “=HYPERLINK("http://evil.example","click")”');
    const hostile = ["=1+1", "+49 30", "-5%", "@SUM(A1)", "\tx", "\rx"];
    const data: ArticleExport = { ...sample, claims: hostile.map((speaker, i) => ({ ...sample.claims[i]!, speaker })) };
    const speakers = readCsv(toCsvExport(data)).map((r) => r.speaker);
    expect(speakers).toEqual(hostile.map((s) => `'${s}`));
    expect(readCsv(csv).map((r) => r.start).every((s) => /^\d+$/.test(s ?? ""))).toBe(true);
  });

  it("writes the verdict label and the flags a reviewer acts on", () => {
    const rows = readCsv(csv);
    expect(rows[8]?.verdict).toBe("unproven");
    expect(rows[8]?.verdict_label).toBe("Unproven");
    expect(rows[8]?.flags).toBe("No source; Disputed, without a refuting or origin source");
    expect(rows[15]?.flags).toBe("Disputed, without a refuting or origin source");
    expect(rows[0]?.flags).toBe("");
    const lowCredibility = rows.find((r) => r.claim?.startsWith("However, several major powers"))!;
    expect(lowCredibility.flags).toBe("Backed only by low-credibility sources");
    expect(lowCredibility.sources).toMatch(/ \[publisher rated mixed\]$/);
  });

  it("is a header only for an article without claims", () => {
    expect(toCsvExport({ ...sample, claims: [] })).toBe(`${UTF8_BOM}${CSV_COLUMNS.join(",")}\r\n`);
  });
});

describe("csvCell", () => {
  it("quotes only what RFC 4180 requires, doubling inner quotes", () => {
    expect(csvCell("plain text")).toBe("plain text");
    expect(csvCell("a, b")).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("cr\rhere")).toBe('"cr\rhere"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(42)).toBe("42");
  });

  it("quotes a neutralised CR-led cell, which needs both", () => {
    expect(csvCell("\r=1")).toBe("\"'\r=1\"");
  });
});

describe("formatSourceLine", () => {
  it("leaves out the parts a source lacks", () => {
    expect(formatSourceLine({ url: "https://a.example/", title: null, publisher: null, relation: "context", quote: null, locator: null })).toBe(
      "context: <https://a.example/>",
    );
  });
});
