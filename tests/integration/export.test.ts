import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Ajv, { type AnySchemaObject } from "ajv-draft-04";
import addFormats from "ajv-formats";
import { parse as parseCsv } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getArticle, importArticle } from "@/lib/data/articles";
import { updateClaim } from "@/lib/data/claims";
import { addSourceToClaim } from "@/lib/data/sources";
import { addComment } from "@/lib/data/comments";
import { transitionArticle } from "@/lib/data/review";
import { setClaimVerdict } from "@/lib/data/review-verdicts";
import { importRevision } from "@/lib/data/revisions";
import { GET as exportRoute } from "@/app/api/v1/articles/[articleId]/export/route";
import { GET as revisionTextRoute } from "@/app/api/v1/articles/[articleId]/revisions/[number]/route";
import { parseJsonExport } from "@/lib/export/json";
import { CSV_COLUMNS } from "@/lib/export/csv";
import { CLAIM_FLAG_LABELS, type ClaimFlag } from "@/lib/export/summary";
import type { ArticleExport } from "@/lib/export/types";
import type { ArticleView } from "@/lib/data/views";
import { makeTeam, type Person } from "@/tests/support/people";
import { tagEveryClaim } from "@/tests/support/finish-claims";
import { setDomainRating } from "@/lib/data/source-credibility";

// Every export format of the sample article (prisma/demo), annotated through the data
// layer as the app would, fetched through the real route.

const SAMPLE = readFileSync(path.join(import.meta.dirname, "../../prisma/demo/ottawa-treaty-withdrawal.txt"), "utf8");
const SUITE = path.join(import.meta.dirname, "../../lib/export/testdata/web-annotation-tests");
const HOSTILE = 'He said "no", then, =SUM(A1)\nnext line — «Ünïcødé» 🇵🇱';

let team: { admin: Person; editor: Person; reviewer: Person };
let article: ArticleView;

function claimStarting(prefix: string) {
  const claim = article.claims.find((c) => c.text.startsWith(prefix));
  if (!claim) throw new Error(`no claim starts with ${prefix}`);
  return claim;
}

beforeAll(async () => {
  team = await makeTeam();
  article = await importArticle(team.editor.actor, {
    title: "Ottawa treaty: withdrawal",
    text: SAMPLE,
    url: "https://news.example.com/ottawa",
    publisher: "Example News",
  });
  const first = article.claims[0]!;
  const attributed = claimStarting("The governments of the four NATO member states");
  await updateClaim(team.editor.actor, attributed.id, {
    tag: "attributed",
    speaker: "The governments of the four NATO member states",
    cue: "stated",
    version: 1,
  });
  await addSourceToClaim(team.editor.actor, attributed.id, {
    url: "https://www.gov.pl/joint-statement",
    title: "Joint statement",
    relation: "origin",
    quote: HOSTILE,
  });
  // The publisher's rating applies to its source, and travels with the export.
  await setDomainRating(team.reviewer.actor, { domain: "gov.pl", rating: "mixed" });
  await updateClaim(team.editor.actor, first.id, { tag: "stated", note: HOSTILE, version: 1 });
  await addSourceToClaim(team.editor.actor, first.id, { url: "https://example.org/a", relation: "supports" });
  await addSourceToClaim(team.editor.actor, first.id, {
    url: "https://example.org/b",
    title: "B, with a comma",
    relation: "context",
  });
  const thread = await addComment(team.reviewer.actor, { claimId: attributed.id, body: "Which statement?" });
  await addComment(team.editor.actor, { parentId: thread.id, body: "The joint one." });
  await tagEveryClaim(team.editor.actor, article.id);
  article = await getArticle(team.editor.actor, article.id);
  await transitionArticle(team.editor.actor, article.id, { action: "submit" });
  await setClaimVerdict(team.reviewer.actor, attributed.id, {
    verdict: "true",
    verdictRationale: "Matches the joint statement.",
    version: 2,
  });
  await setClaimVerdict(team.reviewer.actor, first.id, { verdict: "unproven", version: 2 });
  await transitionArticle(team.reviewer.actor, article.id, { action: "approve", comment: "Good to publish." });
});

async function fetchExport(format: string, who: Person | null = team.reviewer) {
  const headers = who ? { authorization: `Bearer ${who.token}` } : undefined;
  return exportRoute(new Request(`http://localhost:3000/api/v1/articles/${article.id}/export?format=${format}`, { headers }), {
    params: Promise.resolve({ articleId: article.id }),
  });
}

async function body(format: string): Promise<{ text: string; bytes: Buffer; type: string; disposition: string }> {
  const response = await fetchExport(format);
  expect(response.status, await response.clone().text()).toBe(200);
  // Response.text() drops a byte order mark; the bytes keep it.
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return {
    text,
    bytes,
    type: response.headers.get("content-type") ?? "",
    disposition: response.headers.get("content-disposition") ?? "",
  };
}

describe("exports through GET /api/v1/articles/:id/export", () => {
  it("json: lossless, with claims, sources, comments and history, and no e-mail address", async () => {
    const { text, type, disposition } = await body("json");
    expect(type).toBe("application/json; charset=utf-8");
    expect(disposition).toBe('attachment; filename="ottawa-treaty-withdrawal.claimtrack.json"');
    const data: ArticleExport = parseJsonExport(text);
    expect(data.baseUrl).toBe("http://localhost:3000");
    expect(data.revision.text).toBe(SAMPLE.replace(/\r\n?/g, "\n"));
    expect(data.claims).toHaveLength(article.claims.length);
    for (const c of data.claims) expect(data.revision.text.slice(c.start, c.end)).toBe(c.text);
    expect(data.article).toMatchObject({ reviewState: "approved", approvedAt: expect.any(String), publisher: "Example News" });
    expect(data.article.history.map((h) => h.action)).toEqual(["article.import", "article.submit", "article.approve"]);
    expect(data.article.history[2]).toMatchObject({
      actor: team.reviewer.actor.name,
      after: { reviewState: "approved", comment: "Good to publish." },
    });
    const attributed = data.claims.find((c) => c.tag === "attributed")!;
    expect(attributed).toMatchObject({
      speaker: "The governments of the four NATO member states",
      verdict: "true",
      verdictBy: team.reviewer.actor.name,
      taggedBy: team.editor.actor.name,
    });
    expect(attributed.sources).toEqual([
      {
        url: "https://www.gov.pl/joint-statement",
        title: "Joint statement",
        publisher: null,
        relation: "origin",
        quote: HOSTILE,
        locator: null,
        credibility: { level: "mixed", from: "domain" },
      },
    ]);
    expect(attributed.comments).toMatchObject([
      {
        author: team.reviewer.actor.name,
        body: "Which statement?",
        resolved: false,
        replies: [{ author: team.editor.actor.name, body: "The joint one." }],
      },
    ]);
    expect(attributed.history.map((h) => h.action)).toEqual([
      "claim.update",
      "claim.source.add",
      "comment.add",
      "comment.reply",
      "claim.verdict",
    ]);
    expect(data.claims[0]).toMatchObject({
      note: HOSTILE,
      sources: [{ relation: "supports" }, { relation: "context", title: "B, with a comma" }],
    });
    for (const p of [team.editor, team.reviewer, team.admin]) expect(text).not.toContain(p.email);
    expect(text).not.toMatch(/@test\.example/);
  });

  it("json: each claim carries the flags the CSV export has, as codes", async () => {
    const raw = JSON.parse((await body("json")).text) as { claims: { id: string; tag: string | null; flags: ClaimFlag[] }[] };
    // Its only source is rated mixed through its publisher (gov.pl).
    expect(raw.claims.find((c) => c.tag === "attributed")!.flags).toEqual(["backed_only_by_low_credibility"]);
    expect(raw.claims[0]!.flags).toEqual([]);
    const rows = parseCsv((await body("csv")).bytes, { bom: true, columns: true }) as Record<string, string>[];
    expect(raw.claims.map((c) => [c.id, c.flags.map((f) => CLAIM_FLAG_LABELS[f]).join("; ")])).toEqual(rows.map((r) => [r.claim_id, r.flags]));
  });

  it("w3c: every annotation meets the W3C test suite's MUST assertions", async () => {
    const { text, type } = await body("w3c");
    expect(type).toContain("application/ld+json");
    const collection = JSON.parse(text) as { type: string; total: number; first: { items: Record<string, unknown>[] } };
    expect(collection).toMatchObject({ type: "AnnotationCollection", total: article.claims.length });
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addVocabulary(["assertionType", "expectedResult", "onUnexpectedResult", "errorMessage"]);
    const read = (file: string) => JSON.parse(readFileSync(file, "utf8")) as AnySchemaObject & { expectedResult?: string };
    for (const file of readdirSync(path.join(SUITE, "definitions"))) ajv.addSchema(read(path.join(SUITE, "definitions", file)));
    const manifest = JSON.parse(readFileSync(path.join(SUITE, "annotations/annotationMusts.test"), "utf8")) as {
      assertions: string[];
    };
    expect(manifest.assertions).toHaveLength(54);
    const context = (JSON.parse(text) as { "@context": unknown })["@context"];
    const failures: string[] = [];
    for (const file of manifest.assertions) {
      const schema = read(path.join(SUITE, file));
      const validate = ajv.compile(schema);
      for (const item of collection.first.items) {
        // Items inherit the collection's @context; validate each as a standalone annotation.
        if (validate({ "@context": context, ...item }) !== (schema.expectedResult === "valid"))
          failures.push(`${file}: ${String(item.id)}`);
      }
    }
    expect(failures).toEqual([]);
    const sourced = collection.first.items.find((a) => JSON.stringify(a).includes("joint-statement"))!;
    expect(JSON.stringify(sourced)).toContain('"purpose":"linking"');
    expect(JSON.stringify(sourced)).toContain('"purpose":"describing"');
    expect(JSON.stringify(sourced)).toContain("TextPositionSelector");
  });

  it("csv: RFC 4180 with a BOM, one row per claim, round-trips through csv-parse", async () => {
    const { text, bytes, type } = await body("csv");
    expect(type).toBe("text/csv; charset=utf-8; header=present");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes, { bom: true, columns: true, relax_column_count: false }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(article.claims.length);
    expect(rows.map((r) => r.claim)).toEqual(article.claims.map((c) => (/^[=+\-@\t\r]/.test(c.text) ? `'${c.text}` : c.text)));
    const first = rows[0]!;
    expect(first).toMatchObject({
      tag: "stated",
      note: HOSTILE,
      source_count: "2",
      verdict: "unproven",
      verdict_label: "Unproven",
    });
    expect(first.sources).toBe("supports: <https://example.org/a> | context: B, with a comma <https://example.org/b>");
    const attributed = rows.find((r) => r.tag === "attributed")!;
    expect(attributed.sources).toContain(`“${HOSTILE}”`);
    expect(attributed.verdict_by).toBe(team.reviewer.actor.name);
    expect(text).not.toMatch(/@test\.example/);
  });

  it("claimreview: one ClaimReview per claim with a verdict, with the required and recommended properties", async () => {
    const reviews = JSON.parse((await body("claimreview")).text) as Record<string, unknown>[];
    expect(reviews).toHaveLength(2);
    const [unproven, truthful] = reviews as [Record<string, never>, Record<string, never>];
    for (const r of reviews) {
      expect(r).toMatchObject({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        claimReviewed: expect.any(String),
        author: { "@type": "Organization", name: "Example Fact Desk", url: "https://factdesk.example.org/" },
      });
      expect(r.url).toMatch(new RegExp(`^http://localhost:3000/articles/${article.id}/report#claim-`));
      expect(r.datePublished).toEqual(expect.any(String));
      expect(r.itemReviewed).toMatchObject({ "@type": "Claim", appearance: { url: "https://news.example.com/ottawa" } });
    }
    expect(truthful).toMatchObject({ reviewRating: { alternateName: "True", ratingValue: 5, bestRating: 5, worstRating: 1 } });
    expect(truthful).toMatchObject({
      itemReviewed: { author: { name: "The governments of the four NATO member states" } },
      reviewBody: "Matches the joint statement.",
    });
    expect(unproven).toMatchObject({ reviewRating: { alternateName: "Unproven" } });
  });

  it("markdown: a readable report", async () => {
    const { text, type } = await body("markdown");
    expect(type).toBe("text/markdown; charset=utf-8");
    expect(text).toContain("Ottawa treaty: withdrawal");
    expect(text).toContain("The governments of the four NATO member states");
    expect(text).not.toMatch(/@test\.example/);
  });

  it("a source that is not a web page (an interview, an upload) is exported under the site's address", async () => {
    const other = await importArticle(team.editor.actor, { title: "Interview", text: "The mayor said the bridge is safe." });
    const source = await db.source.create({
      data: { url: "claimtrack:offline/phone-call-1", title: "Phone call with the mayor" },
    });
    await db.claimSource.create({
      data: { claimId: other.claims[0]!.id, sourceId: source.id, relation: "origin", createdById: team.editor.actor.id! },
    });
    const response = await exportRoute(
      new Request(`http://localhost:3000/api/v1/articles/${other.id}/export?format=json`, {
        headers: { authorization: `Bearer ${team.editor.token}` },
      }),
      {
        params: Promise.resolve({ articleId: other.id }),
      },
    );
    expect(response.status).toBe(200);
    const data = parseJsonExport(await response.text());
    expect(data.claims[0]!.sources[0]).toMatchObject({
      url: `http://localhost:3000/sources/${source.id}`,
      title: "Phone call with the mayor",
    });
  });

  it("refuses an unknown format, anonymous callers and unknown articles", async () => {
    expect((await fetchExport("xlsx")).status).toBe(422);
    expect((await fetchExport("json", null)).status).toBe(401);
    const missing = await exportRoute(
      new Request("http://localhost/api/v1/articles/nope/export?format=json", {
        headers: { authorization: `Bearer ${team.editor.token}` },
      }),
      {
        params: Promise.resolve({ articleId: "nope" }),
      },
    );
    expect(missing.status).toBe(404);
  });
});

describe("exports after a correction", () => {
  it("flag a claim changed and not re-read, leave it out of ClaimReview, and keep orphaned claims in the JSON", async () => {
    const corrected = await importArticle(team.editor.actor, {
      title: "Port figures",
      text: "The minister said unemployment fell to 4%. Exports doubled since 2020. The port handled 3 million containers.",
    });
    const [, exportsClaim, port] = corrected.claims;
    await updateClaim(team.editor.actor, exportsClaim!.id, { tag: "stated", note: "needs data", version: 1 });
    await addSourceToClaim(team.editor.actor, exportsClaim!.id, { url: "https://example.org/trade", relation: "refutes", quote: "exports rose 20%" });
    await updateClaim(team.editor.actor, port!.id, { tag: "stated", version: 1 });
    await setClaimVerdict(team.reviewer.actor, exportsClaim!.id, { verdict: "false", verdictRationale: "only +20%", version: 2 });
    await setClaimVerdict(team.reviewer.actor, port!.id, { verdict: "mostly_true", verdictRationale: "2.9 million", version: 2 });
    await importRevision(team.editor.actor, corrected.id, { text: "The minister said unemployment fell to 4%. The port handled 30 million containers." });
    const get = async (format: string) =>
      (await exportRoute(new Request(`http://localhost:3000/api/v1/articles/${corrected.id}/export?format=${format}`, { headers: { authorization: `Bearer ${team.reviewer.token}` } }), {
        params: Promise.resolve({ articleId: corrected.id }),
      })).text();

    const data = parseJsonExport(await get("json"));
    expect(data.claims.find((c) => c.id === port!.id)).toMatchObject({ anchorStatus: "changed", previousText: "The port handled 3 million containers.", verdict: "mostly_true" });
    expect(data.orphanedClaims).toEqual([
      expect.objectContaining({ id: exportsClaim!.id, anchorStatus: "orphaned", revision: 1, tag: "stated", note: "needs data", verdict: "false", verdictRationale: "only +20%" }),
    ]);
    expect(data.orphanedClaims[0]!.sources).toMatchObject([{ relation: "refutes", quote: "exports rose 20%" }]);

    // The verdict was given to "3 million": not published for "30 million" until someone re-reads it.
    expect(JSON.parse(await get("claimreview"))).toEqual([]);
    const rows = parseCsv(await get("csv"), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.find((r) => r.claim === "The port handled 30 million containers.")!.flags).toMatch(/Changed since checked \(a revision, or a span edit under a verdict\), not re-read/);
    expect(await get("markdown")).toMatch(/Changed since checked \(a revision, or a span edit under a verdict\), not re-read/);

    await updateClaim(team.editor.actor, port!.id, { acknowledgeChange: true, version: (await db.claim.findUniqueOrThrow({ where: { id: port!.id } })).version });
    expect((JSON.parse(await get("claimreview")) as { claimReviewed: string }[]).map((r) => r.claimReviewed)).toEqual(["The port handled 30 million containers."]);
  });
});

describe("the W3C export's target", () => {
  it("is served: the revision's text, in which every position selector lands on its claim", async () => {
    const annotations = JSON.parse((await body("w3c")).text) as {
      first: { items: { target: { source: { id: string }; selector: { type: string; start?: number; end?: number; exact?: string }[] } }[] };
    };
    const [item] = annotations.first.items;
    const iri = new URL(item!.target.source.id);
    const response = await revisionTextRoute(new Request(iri, { headers: { authorization: `Bearer ${team.reviewer.token}` } }), {
      params: Promise.resolve({ articleId: article.id, number: iri.pathname.split("/").pop()! }),
    });
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const text = await response.text();
    expect(text).toBe(article.revision.text);
    for (const { target } of annotations.first.items) {
      const position = target.selector.find((s) => s.type === "TextPositionSelector")!;
      const quote = target.selector.find((s) => s.type === "TextQuoteSelector")!;
      expect(text.slice(position.start, position.end)).toBe(quote.exact);
    }
    const anonymous = await revisionTextRoute(new Request(iri), { params: Promise.resolve({ articleId: article.id, number: "1" }) });
    expect(anonymous.status).toBe(401);
  });
});
