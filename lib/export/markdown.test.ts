import { marked } from "marked";
import { describe, expect, it } from "vitest";
import { escapeMarkdown, toMarkdownReport } from "./markdown";
import { buildSampleArticle } from "./testdata/sample-article";
import type { ArticleExport } from "./types";

const sample = buildSampleArticle();
const render = (md: string) => marked.parse(md, { async: false, gfm: true });

describe("toMarkdownReport", () => {
  const md = toMarkdownReport(sample);
  const html = render(md);

  it("opens with the title and the article's metadata", () => {
    expect(md.startsWith("# Claims report: Baltic states and Poland to withdraw from the Ottawa Treaty\n")).toBe(true);
    expect(md).toContain("- **Publisher:** Example News");
    expect(md).toContain("- **Published:** 2025-03-18");
    expect(md).toContain("- **Review:** Approved on 2025-03-21");
    expect(md).toContain("- **Article:** <https://news.example.com/2025/03/ottawa-treaty-withdrawal>");
  });

  it("counts claims per tag, the share sourced and each flag", () => {
    expect(md).toContain("| Stated | 7 |");
    expect(md).toContain("| Attributed | 6 |");
    expect(md).toContain("| Disputed | 2 |");
    expect(md).toContain("| Untagged | 1 |");
    expect(md).toContain("| **Total** | **16** |");
    expect(md).toContain("- **Sourced:** 8 of 16 claims (50%)");
    expect(md).toContain("- **No source:** 8");
    expect(md).toContain("- **Disputed, without a refuting or origin source:** 2");
    expect(md).toContain("- **Attributed, without an origin source:** 4");
    expect(md).toContain("- **Verdicts:** True 2, Mostly true 1, Mixed 1, Misleading 1, Mostly false 1, False 1, Unproven 1");
  });

  it("lists unsourced and flagged claims before all claims", () => {
    const flaggedAt = md.indexOf("## Unsourced and flagged claims");
    const allAt = md.indexOf("## All claims");
    expect(flaggedAt).toBeGreaterThan(0);
    expect(allAt).toBeGreaterThan(flaggedAt);
    const flagged = md.slice(flaggedAt, allAt);
    expect(flagged).toContain(
      "- **Claim 9** (Disputed): “Poland, Latvia, Lithuania and Estonia claim to be facing the threat of a Russian attack.” — No source; Disputed, without a refuting or origin source",
    );
    expect(flagged).toContain("- **Claim 2** (Attributed)");
    expect(flagged).not.toContain("- **Claim 1** ");
    expect(flagged.match(/^- \*\*Claim /gm)).toHaveLength(13);
    expect(flagged).toMatch(/^- \*\*Claim 10\*\* \(Stated\): “In May last year.*” — Stated, without a supporting or origin source$/m);
    expect(flagged).toMatch(/^- \*\*Claim \d+\*\* \(Stated\): “However, several major powers.*” — Backed only by low-credibility sources$/m);
  });

  it("says who said what, and how each source is rated", () => {
    const who = md.slice(md.indexOf("## Who said what"), md.indexOf("## All claims"));
    expect(who).toContain("- **Finnish Defense Minister Janne Jaakkola:** claim 12 (“suggested”)");
    expect(who).toContain("- **The joint statement:** claim 8 (“reads that”)");
    expect(md).toContain("— publisher rated mixed");
  });

  it("groups speakers as the report does: spellings together, the editors' aliases followed, the biggest group first", () => {
    const spoken = ["Moscow", "the Kremlin", "Kremlin’s"];
    const data: ArticleExport = { ...sample, claims: sample.claims.map((c, i) => (i < 3 ? { ...c, speaker: spoken[i]!, cue: null } : c)) };
    const whoOf = (text: string) => text.slice(text.indexOf("## Who said what"), text.indexOf("## All claims")).trim().split("\n").slice(2);
    const grouped = whoOf(toMarkdownReport(data, { speakerAliases: [{ alias: "moscow", canonical: "The Kremlin" }] }));
    expect(grouped[0]).toBe("- **The Kremlin** (as Kremlin’s · Moscow · the Kremlin): claims 1, 2, 3");
    // Without the alias, "Moscow" is a speaker of its own; the spellings of "Kremlin" still go together.
    const plain = whoOf(toMarkdownReport(data));
    expect(plain[0]).toBe("- **Kremlin’s** (as Kremlin’s · the Kremlin): claims 2, 3");
    expect(plain).toContain("- **Moscow:** claim 1");
  });

  it("shows every claim with its tag, speaker and cue, verdict and sources with quotes", () => {
    expect(md.match(/^### Claim \d+/gm)).toHaveLength(16);
    expect(md).toContain("### Claim 16 · Disputed");
    expect(md).toContain("- **Speaker:** Russia (cue: “denied”)");
    expect(md).toContain("### Claim 4 · Stated · Mostly true");
    expect(md).toContain("- **Verdict:** Mostly true — Signed in 1997; it entered into force in 1999. (Rita Reviewer, 2025-03-20)");
    expect(md).toContain("  - Context: [Anti-Personnel Landmines Convention](<https://www.un.org/disarmament/anti-personnel-landmines-convention/>) — UNODA, Overview");
    expect(md).toContain("    > Oslo, 18 September 1997 — entry into force 1 March 1999");
    expect(md).toContain("### Claim 11 · Untagged\n\n> If such plans");
  });

  it("renders no link, image, HTML or heading that user text brought in", () => {
    const sourceCount = sample.claims.reduce((n, c) => n + c.sources.length, 0);
    // The only links: the article URL and one per source.
    expect(html.match(/<a /g)).toHaveLength(1 + sourceCount);
    expect(html).not.toMatch(/<(?:img|script)\b/);
    expect(html).not.toContain('href="javascript:');
    expect(html).not.toContain('href="http://evil.example');
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Treaty status | ICBL");
    expect(html).toContain("see [the report](javascript:alert(1)).");
    expect(html.match(/<h[1-6]/g)).toHaveLength(1 + 4 + 16);
  });

  it("keeps internal notes and comments out of the report", () => {
    expect(md).not.toContain("Ask the desk");
    expect(md).not.toContain("Where does");
  });

  it("says so when no claim needs work", () => {
    const clean: ArticleExport = { ...sample, claims: sample.claims.slice(0, 1) };
    expect(toMarkdownReport(clean)).toContain("None: every claim has the sources its tag calls for.");
  });
});

describe("escapeMarkdown", () => {
  const inline = (text: string) => render(`- ${escapeMarkdown(text)}`);

  it.each([
    ["[click](https://evil.example)", "[click](https://evil.example)"],
    ["![x](https://tracker.example/p.gif)", "![x](https://tracker.example/p.gif)"],
    ["<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"],
    ["**bold** _it_ `code` ~~gone~~", "**bold** _it_ `code` ~~gone~~"],
    ["&lt;b&gt; stays an entity", "&amp;lt;b&amp;gt; stays an entity"],
    ["see https://evil.example/x and www.evil.example", "see https://evil.example/x and www.evil.example"],
    ["mail me@evil.example", "mail me@evil.example"],
  ])("renders %j as plain text", (text, shown) => {
    const html = inline(text);
    expect(html).not.toMatch(/<(?:a|img|strong|em|code|del)\b/);
    expect(html).toContain(shown);
  });

  it.each(["# Heading", "- item", "+ item", "> quote", "1. item", "2) item", "===", "\n\n# after a blank line"])(
    "keeps %j from opening a block when it starts a line",
    (text) => {
      const html = render(`> ${escapeMarkdown(text)}`);
      expect(html).not.toMatch(/<(?:h1|h2|ul|ol|li)\b/);
      expect(html.match(/<blockquote>/g)).toHaveLength(1);
    },
  );

  it("keeps non-Latin text and emoji as they are", () => {
    expect(escapeMarkdown("Россия, 中国 🇷🇺")).toBe("Россия, 中国 🇷🇺");
  });
});
