import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractMetadata, stripSiteName, type PageMetadata } from "./metadata";

const page = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "testdata/pages", name), "utf8");

type Case = { file: string; url: string; expected: PageMetadata };

const cases: Case[] = [
  {
    // JSON-LD @graph: publisher by @id, two Person authors, an ItemList of related stories to ignore.
    file: "wire-jsonld-graph.html",
    url: "https://www.northwire.example/world/europe/grain-exports-resume-black-sea-corridor-2024-03-15/?utm_campaign=feed",
    expected: {
      title: "Grain exports resume through Black Sea corridor, officials say",
      siteName: "Northwire",
      author: "Olena Kovalenko, Mark Stein",
      authors: ["Olena Kovalenko", "Mark Stein"],
      publishedAt: "2024-03-15T09:12:00.000Z",
      description: "Ships carrying grain left three ports on Friday, port officials said, the first departures in a month.",
      canonicalUrl: "https://www.northwire.example/world/europe/grain-exports-resume-black-sea-corridor-2024-03-15/",
      type: "news article",
      image: "https://cdn.northwire.example/resizer/grain-ship.jpg?width=1200",
      language: "en-US",
    },
  },
  {
    // Yoast graph: author and publisher as @id references, HTML entities inside JSON-LD.
    file: "wordpress-yoast.html",
    url: "https://ledgerblog.example/2024/02/council-bin-figures/",
    expected: {
      title: "Why the council’s bin figures don’t add up",
      siteName: "The Ledger Blog",
      author: "Priya Shah",
      authors: ["Priya Shah"],
      publishedAt: "2024-02-27T07:30:00.000Z",
      description: "We checked the council's recycling claim against its own published data.",
      canonicalUrl: "https://ledgerblog.example/2024/02/council-bin-figures/",
      type: "news article",
      image: "https://ledgerblog.example/wp-content/uploads/2024/02/bins.jpg",
      language: "en-GB",
    },
  },
  {
    // Only <title>, meta description and a <time> in the body; the site name is unknown, so the suffix stays.
    file: "gov-press-release.html",
    url: "https://www.hhs.gov/about/news/2024/03/12/rural-hospital-grants.html",
    expected: {
      title: "Department Announces $45 Million for Rural Hospital Grants | HHS.gov",
      siteName: null,
      author: null,
      authors: [],
      publishedAt: "2024-03-12T12:00:00.000Z",
      description: "The funding will support 120 rural hospitals in 31 states, the department said.",
      canonicalUrl: "https://www.hhs.gov/about/news/2024/03/12/rural-hospital-grants.html",
      type: "official document",
      image: null,
      language: "en",
    },
  },
  {
    // A report's landing page: Highwire citation_* tags and Dublin Core, a PDF link.
    file: "report-landing.html",
    url: "https://urbanclimate.example/publications/heat-health-2023",
    expected: {
      title: "Heat and Health in European Cities: 2023 Assessment",
      siteName: "Institute for Urban Climate",
      author: "Anna Lindqvist, Tomás Ferreira, Institute for Urban Climate",
      authors: ["Anna Lindqvist", "Tomás Ferreira", "Institute for Urban Climate"],
      publishedAt: "2023-11-02T00:00:00.000Z",
      description: "An assessment of heat-related mortality in 40 European cities.",
      canonicalUrl: "https://urbanclimate.example/publications/heat-health-2023",
      type: "official document",
      image: null,
      language: "en",
    },
  },
  {
    // A post page with Twitter cards only; the handle is the author.
    file: "social-post-twitter-card.html",
    url: "https://x.com/CityMayorJones/status/1768234567890123456?s=20&t=abc",
    expected: {
      title: "Mayor R. Jones on X",
      siteName: null,
      author: "@CityMayorJones",
      authors: ["@CityMayorJones"],
      publishedAt: null,
      description: "“Unemployment in our city is the lowest it has been in 20 years.” Proud of every worker who made it happen.",
      canonicalUrl: "https://x.com/CityMayorJones/status/1768234567890123456",
      type: "social post",
      image: "https://pbs.twimg.example/media/GIx2abc.jpg:large",
      language: "en",
    },
  },
  {
    // Authors as a string, Person objects, a name list and an Organization; duplicates and nameless entries dropped.
    file: "multiple-authors.html",
    url: "https://courier.example/investigations/river-pollution-reports",
    expected: {
      title: "How we tracked 1,200 river pollution reports",
      siteName: "The Evening Courier",
      author: "Sam Okafor, Dana Whitfield, Lee Min-jun, Courier Data Desk",
      authors: ["Sam Okafor", "Dana Whitfield", "Lee Min-jun", "Courier Data Desk"],
      publishedAt: "2024-01-22T23:00:00.000Z",
      description: null,
      canonicalUrl: "https://courier.example/investigations/river-pollution-reports",
      type: "news article",
      image: null,
      language: "en",
    },
  },
  {
    // A repairable block (raw line break, trailing comma) wins; a truncated block and junk blocks are ignored.
    file: "broken-jsonld.html",
    url: "https://harbourtimes.example/news/port-strike-second-week",
    expected: {
      title: "Port strike enters second week as talks stall",
      siteName: "Harbour Times",
      author: "Grace Liu",
      authors: ["Grace Liu"],
      publishedAt: "2024-04-01T20:00:00.000Z",
      description: "Dock workers say talks have stalled. Shipping lines are diverting to other ports.",
      canonicalUrl: "https://harbourtimes.example/news/port-strike-second-week",
      type: "news article",
      image: null,
      language: "en",
    },
  },
  {
    file: "non-english-fr.html",
    url: "https://www.quotidiendusud.example/politique/article/2023/04/14/reforme-des-retraites-conseil-constitutionnel_6169551_823448.html?xtor=RSS-3208",
    expected: {
      title: "Réforme des retraites : le Conseil constitutionnel valide l’essentiel du texte",
      siteName: "Le Quotidien du Sud",
      author: "Élise Martin",
      authors: ["Élise Martin"],
      publishedAt: "2023-04-14T18:05:12.000Z",
      description: "Les Sages ont censuré six dispositions, dont l’« index seniors ». Le recul de l’âge légal à 64 ans est validé.",
      canonicalUrl:
        "https://www.quotidiendusud.example/politique/article/2023/04/14/reforme-des-retraites-conseil-constitutionnel_6169551_823448.html",
      type: "news article",
      image: null,
      language: "fr",
    },
  },
  {
    // Relative canonical with tracking parameters and a fragment; "By" stripped from the author; plain meta only.
    file: "relative-canonical.html",
    url: "https://dailyexample.example/politics/2024/03/budget-vote-delayed",
    expected: {
      title: "Budget vote delayed again after late amendments",
      siteName: "The Daily Example",
      author: "Morgan Price",
      authors: ["Morgan Price"],
      publishedAt: "2024-03-14T00:00:00.000Z",
      description: "The vote is now expected next Tuesday.",
      canonicalUrl: "https://dailyexample.example/politics/2024/03/budget-vote-delayed?id=4471",
      type: null,
      image: "https://dailyexample.example/images/capitol.jpg",
      language: null,
    },
  },
  {
    // OpenGraph only: no <title>, a relative og:image.
    file: "og-only.html",
    url: "https://www.valleypublicradio.example/news/2023-08-18/wildfire-smoke-air-quality?fbclid=IwAR0x",
    expected: {
      title: "Wildfire smoke pushes air quality to hazardous levels",
      siteName: "Valley Public Radio",
      author: "Rosa Delgado",
      authors: ["Rosa Delgado"],
      publishedAt: "2023-08-18T22:45:00.000Z",
      description: "Officials urged residents to stay indoors through the weekend.",
      canonicalUrl: "https://www.valleypublicradio.example/news/2023-08-18/wildfire-smoke-air-quality",
      type: "news article",
      image: "https://www.valleypublicradio.example/media/2023/08/smoke.jpg",
      language: null,
    },
  },
  {
    // AMP page: canonical points from the amp host to the main article.
    file: "amp-article.html",
    url: "https://amp.midlandherald.example/news/2024/05/06/factory-fire-evacuation/amp/",
    expected: {
      title: "Factory fire forces evacuation of 300 homes",
      siteName: "Midland Herald",
      author: "Chris Adebayo",
      authors: ["Chris Adebayo"],
      publishedAt: "2024-05-06T21:10:00.000Z",
      description: "Residents were told to keep windows closed as crews fought the blaze overnight.",
      canonicalUrl: "https://www.midlandherald.example/news/2024/05/06/factory-fire-evacuation/",
      type: "news article",
      image: "https://www.midlandherald.example/images/fire-1200.jpg",
      language: "en",
    },
  },
  {
    // A schema.org Dataset on an open-data portal: the creator is the author.
    file: "dataset-portal.html",
    url: "https://data.transport.example/datasets/road-traffic-collisions",
    expected: {
      title: "Road Traffic Collisions, 2015–2023",
      siteName: "Regional Open Data Portal",
      author: "Regional Transport Authority",
      authors: ["Regional Transport Authority"],
      publishedAt: "2024-01-31T00:00:00.000Z",
      description: "Every reported road traffic collision in the region, 2015 to 2023, by location, date and severity.",
      canonicalUrl: "https://data.transport.example/datasets/road-traffic-collisions",
      type: "dataset",
      image: null,
      language: "en",
    },
  },
];

describe("extractMetadata on real-world page shapes", () => {
  it.each(cases)("$file", ({ file, url, expected }) => {
    expect(extractMetadata(page(file), url)).toEqual(expected);
  });

  it("has at least ten fixture pages, each with a case", () => {
    const files = fs.readdirSync(path.join(import.meta.dirname, "testdata/pages")).filter((f) => f.endsWith(".html"));
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(cases.map((c) => c.file).sort()).toEqual(files.sort());
  });
});

describe("extractMetadata precedence and robustness", () => {
  const head = (inner: string) => `<!doctype html><html><head>${inner}</head><body></body></html>`;

  it("prefers JSON-LD over OpenGraph over Twitter over plain meta over <title>", () => {
    const layers = [
      `<script type="application/ld+json">{"@type":"NewsArticle","headline":"from JSON-LD"}</script>`,
      `<meta property="og:title" content="from OpenGraph">`,
      `<meta name="twitter:title" content="from Twitter">`,
      `<meta name="citation_title" content="from citation meta">`,
      `<title>from title</title>`,
    ];
    const expected = ["from JSON-LD", "from OpenGraph", "from Twitter", "from citation meta", "from title"];
    layers.forEach((_, i) => {
      expect(extractMetadata(head(layers.slice(i).join("")), "https://example.com/a").title).toBe(expected[i]);
    });
  });

  it.each([
    "{",
    "[1,2,",
    '{"@graph": "not a list"}',
    '{"@type": ["NewsArticle"], "headline": {"nested": true}, "author": [null, 3, {"name": {}}], "image": [[], {}]}',
    "x".repeat(2_000_000),
    "[".repeat(50_000),
  ])("never throws on malformed JSON-LD (%#)", (json) => {
    const html = head(`<title>Fallback</title><script type="application/ld+json">${json}</script>`);
    expect(() => extractMetadata(html, "https://example.com/a")).not.toThrow();
    expect(extractMetadata(html, "https://example.com/a").title).toBe("Fallback");
  });

  it("returns nulls for an empty page and a page URL that is not http(s)", () => {
    expect(extractMetadata("", "not a url")).toEqual({
      title: null, siteName: null, author: null, authors: [], publishedAt: null, description: null,
      canonicalUrl: null, type: null, image: null, language: null,
    });
  });

  it("ignores a canonical that points at the site root of a deeper page, and javascript: canonicals", () => {
    const root = head(`<link rel="canonical" href="https://example.com/">`);
    expect(extractMetadata(root, "https://example.com/story/1").canonicalUrl).toBe("https://example.com/story/1");
    const js = head(`<link rel="canonical" href="javascript:alert(1)"><meta property="og:image" content="data:image/png;base64,AAAA">`);
    const meta = extractMetadata(js, "https://example.com/story/2");
    expect(meta.canonicalUrl).toBe("https://example.com/story/2");
    expect(meta.image).toBeNull();
  });

  it("resolves a relative canonical against <base href>", () => {
    const html = head(`<base href="https://cdn.example.com/site/"><link rel="canonical" href="story/3">`);
    expect(extractMetadata(html, "https://example.com/x").canonicalUrl).toBe("https://cdn.example.com/site/story/3");
  });

  it("reads the date from <time datetime> only when nothing else has one", () => {
    const html = `<html><body><article><p>Posted <time datetime="2022-07-01T08:00:00+02:00">1 July</time></p></article></body></html>`;
    expect(extractMetadata(html, "https://example.com/a").publishedAt).toBe("2022-07-01T06:00:00.000Z");
  });
});

describe("stripSiteName", () => {
  it.each([
    ["Headline | Site", "Site", "Headline"],
    ["Headline - Site", "Site", "Headline"],
    ["Headline — The Site", "the site", "Headline"],
    ["Site: Headline", "Site", "Headline"],
    ["Headline | Section | Site", "Site", "Headline | Section"],
    ["Site", "Site", "Site"],
    ["Headline about Site", "Site", "Headline about Site"],
    ["Price (US$) | A+B News", "A+B News", "Price (US$)"],
    ["Headline | Site", null, "Headline | Site"],
  ])("%s without %s is %s", (title, site, expected) => {
    expect(stripSiteName(title, site)).toBe(expected);
  });
});
