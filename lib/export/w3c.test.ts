import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Ajv, { type AnySchemaObject, type ValidateFunction } from "ajv-draft-04";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { buildSampleArticle, withLeadText } from "./testdata/sample-article";
import { ANNO_CONTEXT, buildW3cAnnotations, buildW3cCollection, toW3cExport, type W3cAnnotation, type W3cLinkingBody } from "./w3c";

// Runs the W3C Web Annotation test suite's MUST assertions (annotations/annotationMusts.test)
// on every annotation the sample article exports, with a draft-04 validator, as the suite's
// own runner does: an annotation conforms when each schema gives its expectedResult.

const SUITE = path.join(import.meta.dirname, "testdata/web-annotation-tests");

type Assertion = { file: string; schema: AnySchemaObject & { expectedResult: "valid" | "invalid"; assertionType: string; title: string } };

function readJson(file: string): AnySchemaObject {
  return JSON.parse(readFileSync(file, "utf8")) as AnySchemaObject;
}

function loadSuite() {
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  // The suite's own metadata keywords, which carry no validation.
  ajv.addVocabulary(["assertionType", "expectedResult", "onUnexpectedResult", "errorMessage"]);
  for (const file of readdirSync(path.join(SUITE, "definitions"))) ajv.addSchema(readJson(path.join(SUITE, "definitions", file)));
  const manifest = JSON.parse(readFileSync(path.join(SUITE, "annotations/annotationMusts.test"), "utf8")) as { assertions: string[] };
  const assertions: Assertion[] = manifest.assertions.map((file) => ({ file, schema: readJson(path.join(SUITE, file)) as Assertion["schema"] }));
  const validators = new Map<string, ValidateFunction>(assertions.map((a) => [a.file, ajv.compile(a.schema)]));
  return { ajv, assertions, validators };
}

const { ajv, assertions, validators } = loadSuite();
const sample = buildSampleArticle();
// The sample, and the sample behind a lead of astral characters (flag and emoji) so code
// point positions differ from UTF-16 ones.
const exported = [...buildW3cAnnotations(sample), ...buildW3cAnnotations(withLeadText(sample, "🇺🇦💥 Live: "))];

/** Which of the assertions an annotation does not meet as expected. */
function failures(annotation: unknown): string[] {
  return assertions.filter((a) => validators.get(a.file)?.(annotation) !== (a.schema.expectedResult === "valid")).map((a) => a.file);
}

describe("W3C Web Annotation MUST assertions", () => {
  it("loads the 54 MUST assertions of annotationMusts.test", () => {
    expect(assertions).toHaveLength(54);
    expect(assertions.every((a) => a.schema.assertionType === "must")).toBe(true);
  });

  it.each(assertions.map((a) => [a.file, a] as const))("%s holds for every exported annotation", (_file, assertion) => {
    const validate = validators.get(assertion.file);
    expect(validate).toBeDefined();
    const bad = exported.filter((annotation) => validate?.(annotation) !== (assertion.schema.expectedResult === "valid"));
    expect(bad.map((a) => ({ id: a.id, errors: ajv.errorsText(validate?.errors) }))).toEqual([]);
  });

  it("covers every claim of the sample, both copies", () => {
    expect(exported).toHaveLength(2 * sample.claims.length);
  });

  it("fails annotations that break the model, so the suite is not passing vacuously", () => {
    const good = exported[0];
    if (!good) throw new Error("no annotation");
    const { target: _target, ...noTarget } = good;
    expect(failures(noTarget)).toContain("annotations/3.1-targetKeyFound.json");
    expect(failures({ ...good, id: "not a uri" })).toContain("annotations/3.1-annotationIdValidated.json");
    expect(failures({ ...good, "@context": "http://example.org/other.jsonld" })).toContain("annotations/3.1-annotationContextValidated.json");
    expect(failures({ ...good, bodyValue: "both" })).toContain("annotations/3.2.5-notBodyBodyValue.json");
    expect(failures({ ...good, created: "19 March 2025" })).toContain("annotations/3.3.1-annotationCreatedValidated.json");
    const badPosition = { ...good, target: { ...good.target, selector: [{ type: "TextPositionSelector", start: -1, end: "9" }] } };
    expect(failures(badPosition)).toContain("annotations/specificResource/4.2-TextDataPositionSelectorValid.json");
  });
});

describe("buildW3cAnnotations", () => {
  const annotations = buildW3cAnnotations(sample);
  const byClaim = (id: string): W3cAnnotation => {
    const a = annotations.find((x) => x.id.endsWith(`/annotations/${id}`));
    if (!a) throw new Error(`no annotation for ${id}`);
    return a;
  };

  it("gives each claim an IRI under the base URL, the anno context and a target on the revision", () => {
    const first = byClaim("c01");
    expect(first.id).toBe("https://claimtrack.example.org/articles/art_ottawa/annotations/c01");
    expect(first["@context"]?.[0]).toBe(ANNO_CONTEXT);
    expect(first.target.source.id).toBe("https://claimtrack.example.org/api/v1/articles/art_ottawa/revisions/1");
    expect(first.target.scope).toBe(sample.article.url);
    expect(first.created).toBe("2025-03-19T08:00:00.000Z");
    expect(first.creator).toEqual({ type: "Person", name: "Eddie Editor" });
  });

  it("selects the claim by quote and by position", () => {
    const claim = sample.claims[1];
    if (!claim) throw new Error("no claim");
    const [quote, position] = byClaim("c02").target.selector;
    expect(quote).toEqual({ type: "TextQuoteSelector", exact: claim.text, prefix: claim.prefix, suffix: claim.suffix });
    // No astral characters before it in the plain sample: code points equal code units.
    expect(position).toEqual({ type: "TextPositionSelector", start: claim.start, end: claim.end });
  });

  it("counts positions in code points when emoji come before the claim", () => {
    const lead = "🇺🇦💥 Live: ";
    const shifted = withLeadText(sample, lead);
    const codePoints = [...shifted.revision.text];
    for (const annotation of buildW3cAnnotations(shifted)) {
      const [quote, position] = annotation.target.selector;
      expect(position).toBeDefined();
      if (!position) continue;
      expect(codePoints.slice(position.start, position.end).join("")).toBe(quote.exact);
    }
    const first = buildW3cAnnotations(shifted)[0]?.target.selector[1];
    // The lead is 13 UTF-16 units but 10 code points: two regional indicators and 💥 are astral.
    expect(lead.length).toBe(13);
    expect(first).toEqual({ type: "TextPositionSelector", start: 10, end: 10 + (sample.claims[0]?.text.length ?? 0) });
  });

  it("gives the tag, speaker, verdict and each source their own body and purpose", () => {
    const russia = byClaim("c16");
    expect(russia.motivation).toBe("tagging");
    expect(russia.body).toEqual([
      { type: "TextualBody", purpose: "tagging", value: "disputed", format: "text/plain", creator: { type: "Person", name: "Eddie Editor" }, created: "2025-03-19T09:25:00.000Z" },
      { type: "TextualBody", purpose: "describing", value: "Russia", format: "text/plain", "claimtrack:cue": "denied" },
      {
        type: "SpecificResource",
        purpose: "linking",
        source: { id: "https://mid.ru/en/foreign_policy/news/", label: "МИД России" },
        selector: { type: "TextQuoteSelector", exact: "-" },
        "claimtrack:relation": "context",
      },
    ]);
    const treaty = byClaim("c04");
    expect(treaty.motivation).toBe("assessing");
    expect(treaty.body?.filter((b) => b.purpose === "assessing").map((b) => ("value" in b ? b.value : null))).toEqual(["Mostly true"]);
    const links = treaty.body?.filter((b): b is W3cLinkingBody => b.purpose === "linking") ?? [];
    expect(links.map((l) => [l.source.id, l["claimtrack:relation"], l["claimtrack:locator"] ?? null])).toEqual([
      ["https://www.un.org/disarmament/anti-personnel-landmines-convention/", "context", "Overview"],
      ["https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XXVI-5&chapter=26", "supports", null],
    ]);
  });

  it("marks a claim without tag, speaker, verdict or source as a highlight without body", () => {
    const plain = byClaim("c11");
    expect(plain.motivation).toBe("highlighting");
    expect(plain.body).toBeUndefined();
  });

  it("leaves out the position when the stored offsets no longer select the claim's text", () => {
    const drifted = { ...sample, claims: sample.claims.map((c, i) => (i === 0 ? { ...c, start: c.start + 1 } : c)) };
    const [first] = buildW3cAnnotations(drifted);
    expect(first?.target.selector).toHaveLength(1);
    expect(first?.target.selector[0].type).toBe("TextQuoteSelector");
    expect(failures(first)).toEqual([]);
  });

  it("writes source URLs as RFC 3986 URIs", () => {
    const odd = {
      ...sample,
      claims: [{ ...sample.claims[0]!, sources: [{ url: "https://example.org/a b/ü?q=x|y^z", title: null, publisher: null, relation: "context" as const, quote: null, locator: null }] }],
    };
    const body = buildW3cAnnotations(odd)[0]?.body?.find((b): b is W3cLinkingBody => b.purpose === "linking");
    expect(body?.source.id).toBe("https://example.org/a%20b/%C3%BC?q=x%7Cy%5Ez");
    expect(failures(buildW3cAnnotations(odd)[0])).toEqual([]);
  });

  it("keeps internal notes and comments out", () => {
    const json = JSON.stringify(annotations);
    expect(json).not.toContain("Ask the desk");
    expect(json).not.toContain("Where does");
  });
});

describe("buildW3cCollection", () => {
  const collection = buildW3cCollection(sample);

  it("is an AnnotationCollection whose first page embeds every annotation", () => {
    expect(collection.type).toBe("AnnotationCollection");
    expect(collection.total).toBe(16);
    expect(collection.first?.type).toBe("AnnotationPage");
    expect(collection.first?.startIndex).toBe(0);
    expect(collection.last).toBe(collection.first?.id);
    // Items inherit the collection's @context; otherwise they are the standalone annotations.
    const standalone = buildW3cAnnotations(sample).map(({ "@context": _c, ...rest }) => rest);
    expect(collection.first?.items).toEqual(standalone);
  });

  it("meets the suite's collection definitions", () => {
    for (const definition of ["annotationCollectionTypeValueFound", "labelFound", "totalFound", "firstFound", "firstRequiredIfTotalMoreThanZero"]) {
      expect(ajv.validate(`collections.json#/definitions/${definition}`, collection), definition).toBe(true);
    }
    expect(ajv.validate("collections.json#/definitions/annotationPageTypeValueFound", collection.first)).toBe(true);
  });

  it("has no page for an article without claims", () => {
    const empty = buildW3cCollection({ ...sample, claims: [] });
    expect(empty).toEqual({ "@context": collection["@context"], id: collection.id, type: "AnnotationCollection", label: collection.label, total: 0 });
  });

  it("serialises to JSON that parses back to the collection", () => {
    expect(JSON.parse(toW3cExport(sample))).toEqual(collection);
  });
});
