import { readFileSync } from "node:fs";
import path from "node:path";
import { buildQuoteSelector } from "../../claims/quote";
import { splitClaims } from "../../claims/split";
import type { ArticleExport, ExportClaim, ExportSource, Verdict } from "../types";

// The sample article (prisma/demo, the same text the demo database holds) split by the real
// splitter, with hand-made annotations: every tag, every verdict, speakers with and without
// cues, sources of each relation, threaded comments and history. Some values are hostile on
// purpose (quotes, commas, line breaks, formula starts, Markdown and HTML, non-Latin text,
// emoji), so each builder's tests meet them.

export const SAMPLE_TEXT_PATH = path.join(import.meta.dirname, "../../../prisma/demo/ottawa-treaty-withdrawal.txt");

export const BASE_URL = "https://claimtrack.example.org";

type Annotation = Partial<Pick<ExportClaim, "tag" | "speaker" | "cue" | "note" | "verdictRationale">> & {
  verdict?: Verdict;
  sources?: ExportSource[];
};

const source = (s: Partial<ExportSource> & Pick<ExportSource, "url" | "relation">): ExportSource => ({
  title: null,
  publisher: null,
  quote: null,
  locator: null,
  ...s,
});

/** Annotations keyed by the start of the claim they belong to (a missing one fails loudly). */
const ANNOTATIONS: [string, Annotation][] = [
  [
    "The military forces of Poland",
    {
      tag: "attributed",
      speaker: "The military forces of Poland, Latvia, Estonia and Lithuania",
      cue: "called on",
      verdict: "true",
      verdictRationale: "The joint statement of 18 March 2025 says so, in those words.",
      sources: [
        source({
          url: "https://www.gov.pl/web/national-defence/joint-statement",
          title: "Joint statement of the Ministers of Defence, \"Ottawa\" withdrawal",
          publisher: "Ministry of National Defence, Poland",
          relation: "origin",
          quote: "We believe that in the current security environment it is paramount to provide our defence forces with flexibility,\nand freedom of choice",
          locator: "para 2",
        }),
      ],
    },
  ],
  [
    "The governments of the four NATO",
    {
      tag: "attributed",
      speaker: "The governments of the four NATO member states bordering Russia",
      cue: "stated",
      sources: [
        source({
          url: "https://kam.lt/en/joint-statement-ottawa",
          title: "Bendras pareiškimas / Совместное заявление",
          relation: "supports",
          quote: "=HYPERLINK(\"http://evil.example\",\"click\")",
        }),
      ],
    },
  ],
  ["In a joint statement", { tag: "attributed", speaker: "the defense ministries of the four countries", cue: "emphasized" }],
  [
    "The Ottawa Treaty, signed in 1997",
    {
      tag: "stated",
      verdict: "mostly_true",
      verdictRationale: "Signed in 1997; it entered into force in 1999.",
      sources: [
        source({
          url: "https://www.un.org/disarmament/anti-personnel-landmines-convention/",
          title: "Anti-Personnel Landmines Convention",
          publisher: "UNODA",
          relation: "context",
          locator: "Overview",
        }),
        source({
          url: "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XXVI-5&chapter=26",
          title: "Convention on the Prohibition of Anti-Personnel Mines, status",
          relation: "supports",
          quote: "Oslo, 18 September 1997 — entry into force 1 March 1999",
        }),
      ],
    },
  ],
  [
    "Prior to the treaty",
    {
      tag: "stated",
      verdict: "misleading",
      verdictRationale: "Casualty figures are not \"countless\": Landmine Monitor counts them; see [the report](javascript:alert(1)).",
      note: "Ask the desk whether \"decades\" is sourced.",
    },
  ],
  ["The treaty was the result", { tag: "stated", verdict: "mixed", verdictRationale: "Partly: the campaign, and Canada's diplomacy." }],
  [
    "However, several major powers",
    {
      tag: "stated",
      verdict: "true",
      sources: [
        source({
          url: "https://www.icbl.org/en-gb/the-treaty/treaty-status.aspx",
          title: "<script>alert(1)</script> Treaty status | ICBL",
          relation: "supports",
          quote: "164 States Parties; 33 states not party, including 中国 and Россия 🇷🇺",
          // Its only backing source, rated by its publisher: "Backed only by low-credibility sources".
          credibility: { level: "mixed", from: "domain" },
        }),
      ],
    },
  ],
  ["The joint statement reads", { tag: "attributed", speaker: "The joint statement", cue: "reads that" }],
  [
    "Poland, Latvia, Lithuania and Estonia claim",
    { tag: "disputed", speaker: "Poland, Latvia, Lithuania and Estonia", cue: "claim to", verdict: "unproven" },
  ],
  [
    "In May last year",
    {
      tag: "stated",
      verdict: "mostly_false",
      verdictRationale: "The budget is about 10 billion złoty; \"24 billion euros\" is not in any official source.",
      sources: [
        source({
          url: "https://www.gov.pl/web/national-defence/east-shield",
          title: "East Shield programme",
          relation: "refutes",
          quote: "+10 billion PLN, 2024–2028",
          locator: "p. 3",
        }),
      ],
    },
  ],
  ["If such plans", { tag: null, note: "Speculation by the author: not a claim to check?" }],
  [
    "Last year, Finnish Defense Minister",
    {
      tag: "attributed",
      speaker: "Finnish Defense Minister Janne Jaakkola",
      cue: "suggested",
      sources: [source({ url: "https://yle.fi/a/74-20000000", title: "Jaakkola: Ottawa-sopimuksesta eroaminen", relation: "origin", quote: "@jaakkola: \"miinat\"" })],
    },
  ],
  ["Finland, which also borders Russia", { tag: "stated" }],
  [
    "Ukraine, a technical signatory",
    {
      tag: "stated",
      verdict: "false",
      verdictRationale: "Ukraine stayed a State Party and kept reporting under Article 7 after 2014; it announced its withdrawal only in 2025.",
      sources: [source({ url: "https://www.the-monitor.org/en-gb/reports/2024/landmine-monitor-2024.aspx", title: "Landmine Monitor 2024", relation: "refutes", locator: "Ukraine, p. 12" })],
    },
  ],
  ["The Biden administration", { tag: "attributed", speaker: "officials", cue: "stating" }],
  [
    "Russia has repeatedly denied",
    {
      tag: "disputed",
      speaker: "Russia",
      cue: "denied",
      sources: [source({ url: "https://mid.ru/en/foreign_policy/news/", title: "МИД России", relation: "context", quote: "-" })],
    },
  ],
];

/** Builds the sample article's export data from the demo text and the annotations above. */
export function buildSampleArticle(): ArticleExport {
  const text = readFileSync(SAMPLE_TEXT_PATH, "utf8");
  const spans = splitClaims(text);
  const claims: ExportClaim[] = spans.map((span, i) => {
    const exact = text.slice(span.start, span.end);
    const found = ANNOTATIONS.find(([start]) => exact.startsWith(start));
    if (!found) throw new Error(`sample fixture: no annotation for claim ${i}: ${exact.slice(0, 40)}`);
    const a = found[1];
    const minute = String(10 + i).padStart(2, "0");
    const tag = a.tag ?? null;
    const verdict = a.verdict ?? null;
    return {
      id: `c${String(i + 1).padStart(2, "0")}`,
      start: span.start,
      end: span.end,
      text: exact,
      prefix: buildQuoteSelector(text, span).prefix,
      suffix: buildQuoteSelector(text, span).suffix,
      tag,
      speaker: a.speaker ?? null,
      cue: a.cue ?? null,
      note: a.note ?? null,
      verdict,
      verdictRationale: a.verdictRationale ?? null,
      verdictBy: verdict ? "Rita Reviewer" : null,
      verdictAt: verdict ? `2025-03-20T14:${minute}:00.000Z` : null,
      taggedBy: tag ? "Eddie Editor" : null,
      taggedAt: tag ? `2025-03-19T09:${minute}:00.000Z` : null,
      createdAt: "2025-03-19T08:00:00.000Z",
      updatedAt: verdict ? `2025-03-20T14:${minute}:00.000Z` : tag ? `2025-03-19T09:${minute}:00.000Z` : "2025-03-19T08:00:00.000Z",
      anchorStatus: "anchored",
      previousText: null,
      sources: a.sources ?? [],
      comments:
        i === 9
          ? [
              {
                id: "m1",
                author: "Rita Reviewer",
                body: "Where does \"24 billion euros\" come from?\nThe ministry says złoty.",
                createdAt: "2025-03-20T10:00:00.000Z",
                resolved: false,
                replies: [{ id: "m2", author: "Eddie Editor", body: "Checking 🙏", createdAt: "2025-03-20T10:05:00.000Z", resolved: false, replies: [] }],
              },
            ]
          : [],
      history: tag
        ? [{ at: `2025-03-19T09:${minute}:00.000Z`, actor: "Eddie Editor", action: "claim.tag", before: { tag: null, version: 1 }, after: { tag, version: 2 } }]
        : [],
    };
  });
  return {
    baseUrl: BASE_URL,
    exportedAt: "2025-03-21T12:00:00.000Z",
    article: {
      id: "art_ottawa",
      title: "Baltic states and Poland to withdraw from the Ottawa Treaty",
      url: "https://news.example.com/2025/03/ottawa-treaty-withdrawal",
      publisher: "Example News",
      author: "A. Reporter",
      publishedAt: "2025-03-18T16:45:00.000Z",
      createdAt: "2025-03-19T08:00:00.000Z",
      reviewState: "approved",
      approvedAt: "2025-03-21T11:00:00.000Z",
      history: [
        { at: "2025-03-19T17:00:00.000Z", actor: "Eddie Editor", action: "article.submit", before: { state: "draft" }, after: { state: "in_review" } },
        { at: "2025-03-21T11:00:00.000Z", actor: "Rita Reviewer", action: "article.approve", before: { state: "in_review" }, after: { state: "approved" } },
      ],
    },
    revision: { number: 1, text },
    claims,
    orphanedClaims: [],
  };
}

/** The sample with `lead` put before the text and every claim moved along (an emoji lead tests code points). */
export function withLeadText(data: ArticleExport, lead: string): ArticleExport {
  const text = lead + data.revision.text;
  const shift = lead.length;
  return {
    ...data,
    revision: { ...data.revision, text },
    claims: data.claims.map((c) => {
      const span = { start: c.start + shift, end: c.end + shift };
      return { ...c, ...span, prefix: buildQuoteSelector(text, span).prefix };
    }),
  };
}
