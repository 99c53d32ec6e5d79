import { groupBySpeaker, type SpeakerAliasView } from "../claims/speaker-names";
import { toUri } from "./iris";
import { CLAIM_FLAG_LABELS, credibilityWords, flagClaim, summarizeClaims } from "./summary";
import {
  CLAIM_TAG_LABELS,
  SOURCE_RELATION_LABELS,
  VERDICT_LABELS,
  VERDICTS,
  type ArticleExport,
  type ExportClaim,
  type ExportSource,
  type ReviewState,
} from "./types";

// A report to read, print or paste: metadata, summary figures, the claims that need work,
// then every claim. All user text goes through escapeMarkdown, so a claim, quote or title
// cannot open a link, an image, HTML or a heading; the only links are the ones written here
// (the article and each source), to URLs the schema already restricts to http(s).

const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  draft: "Draft",
  in_review: "In review",
  approved: "Approved",
  changes_requested: "Changes requested",
};

export type MarkdownReportOptions = {
  /** The editors' speaker groups (SpeakerAlias rows), so "Who said what" groups names as the report page does. */
  speakerAliases?: readonly SpeakerAliasView[];
};

/** Renders the article's claims report as CommonMark (GitHub-flavoured safe). */
export function toMarkdownReport(data: ArticleExport, { speakerAliases = [] }: MarkdownReportOptions = {}): string {
  const { article } = data;
  const summary = summarizeClaims(data.claims);
  const numbered = data.claims.map((claim, i) => ({ claim, n: i + 1, flags: flagClaim(claim) }));
  const lines: string[] = [`# Claims report: ${escapeMarkdown(article.title)}`, ""];

  const meta: [string, string | null][] = [
    ["Publisher", article.publisher && escapeMarkdown(article.publisher)],
    ["Author", article.author && escapeMarkdown(article.author)],
    ["Published", article.publishedAt && formatDate(article.publishedAt)],
    ["Article", article.url && `<${toUri(article.url)}>`],
    ["Review", article.approvedAt ? `${REVIEW_STATE_LABELS[article.reviewState]} on ${formatDate(article.approvedAt)}` : REVIEW_STATE_LABELS[article.reviewState]],
    ["Text", `revision ${data.revision.number}, exported ${formatDateTime(data.exportedAt)}`],
  ];
  for (const [label, value] of meta) if (value) lines.push(`- **${label}:** ${value}`);

  lines.push("", "## Summary", "", "| Tag | Claims |", "| --- | ---: |");
  for (const tag of [...(Object.keys(CLAIM_TAG_LABELS) as (keyof typeof CLAIM_TAG_LABELS)[]), "untagged" as const]) {
    lines.push(`| ${tag === "untagged" ? "Untagged" : CLAIM_TAG_LABELS[tag]} | ${summary.tags[tag]} |`);
  }
  lines.push(`| **Total** | **${summary.total}** |`, "");
  lines.push(`- **Sourced:** ${summary.sourced} of ${summary.total} claims (${percent(summary.sourcedShare)})`);
  for (const flag of Object.keys(CLAIM_FLAG_LABELS) as (keyof typeof CLAIM_FLAG_LABELS)[]) {
    lines.push(`- **${CLAIM_FLAG_LABELS[flag]}:** ${summary.flags[flag]}`);
  }
  const verdicts = VERDICTS.filter((v) => summary.verdicts[v] > 0).map((v) => `${VERDICT_LABELS[v]} ${summary.verdicts[v]}`);
  lines.push(`- **Verdicts:** ${verdicts.length > 0 ? verdicts.join(", ") : "none yet"}`);

  lines.push("", "## Unsourced and flagged claims", "");
  const flagged = numbered.filter((x) => x.flags.length > 0);
  if (flagged.length === 0) lines.push("None: every claim has the sources its tag calls for.");
  for (const { claim, n, flags } of flagged) {
    lines.push(`- **Claim ${n}** (${tagLabel(claim)}): “${escapeMarkdown(claim.text)}” — ${flags.map((f) => CLAIM_FLAG_LABELS[f]).join("; ")}`);
  }

  lines.push("", "## Who said what", "");
  // The report page's grouping (lib/claims/speaker-names.ts): its group names, in its order.
  const speakers = groupBySpeaker(
    numbered.map((x) => ({ ...x, id: x.claim.id, speaker: x.claim.speaker })),
    speakerAliases,
  );
  if (speakers.length === 0) lines.push("No claim has a speaker.");
  for (const { name, variants, claims } of speakers) {
    const said = claims.map(({ claim, n }) => `${n}${claim.cue ? ` (“${escapeMarkdown(claim.cue)}”)` : ""}`);
    // Like the report page, the spellings grouped under the name, when they are not just the name.
    const who = variants.length > 1 || variants[0] !== name
      ? `**${escapeMarkdown(name)}** (as ${variants.map(escapeMarkdown).join(" · ")}):`
      : `**${escapeMarkdown(name)}:**`;
    lines.push(`- ${who} claim${claims.length === 1 ? "" : "s"} ${said.join(", ")}`);
  }

  lines.push("", "## All claims");
  for (const { claim, n } of numbered) lines.push("", ...claimSection(claim, n));
  return `${lines.join("\n")}\n`;
}

function claimSection(claim: ExportClaim, n: number): string[] {
  const heading = [`Claim ${n}`, tagLabel(claim), claim.verdict ? VERDICT_LABELS[claim.verdict] : null].filter(Boolean).join(" · ");
  const lines = [`### ${heading}`, "", `> ${escapeMarkdown(claim.text)}`, ""];
  if (claim.speaker) {
    const cue = claim.cue ? ` (cue: “${escapeMarkdown(claim.cue)}”)` : "";
    lines.push(`- **Speaker:** ${escapeMarkdown(claim.speaker)}${cue}`);
  }
  if (claim.verdict) {
    const rationale = claim.verdictRationale ? ` — ${escapeMarkdown(claim.verdictRationale)}` : "";
    const by = claim.verdictBy ? ` (${escapeMarkdown(claim.verdictBy)}${claim.verdictAt ? `, ${formatDate(claim.verdictAt)}` : ""})` : "";
    lines.push(`- **Verdict:** ${VERDICT_LABELS[claim.verdict]}${rationale}${by}`);
  }
  if (claim.sources.length === 0) {
    lines.push("- **Sources:** none");
  } else {
    lines.push("- **Sources:**");
    for (const source of claim.sources) lines.push(...sourceLines(source));
  }
  return lines;
}

function sourceLines(source: ExportSource): string[] {
  const title = escapeMarkdown(source.title ?? source.url);
  const details = [source.publisher, source.locator].filter((x): x is string => Boolean(x)).map(escapeMarkdown);
  if (source.credibility) details.push(credibilityWords(source.credibility));
  const line = `  - ${SOURCE_RELATION_LABELS[source.relation]}: [${title}](<${toUri(source.url)}>)${details.length > 0 ? ` — ${details.join(", ")}` : ""}`;
  return source.quote ? [line, `    > ${escapeMarkdown(source.quote)}`] : [line];
}

function tagLabel(claim: ExportClaim): string {
  return claim.tag ? CLAIM_TAG_LABELS[claim.tag] : "Untagged";
}

/**
 * Makes user text inert in Markdown: it stays on one line (line breaks become spaces, so it
 * cannot end the list item or blockquote it sits in), every character with inline meaning is
 * backslash-escaped (links, images, emphasis, code, HTML and entities), a leading character
 * that would open a block (heading, list, quote) is escaped, and "://", "www." and "@" are
 * broken so GFM autolinking does not make a bare URL or address clickable.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, " ")
    .trim()
    .replace(/[\\`*_[\]<>&|~]/g, "\\$&")
    .replace(/^([#+\-=>]|\d+(?=[.)]))/, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`))
    .replace(/:\/\//g, "\\://")
    .replace(/\b(www)\./gi, "$1\\.")
    .replace(/@/g, "\\@");
}

function formatDate(iso: string): string {
  return iso.slice(0, 10);
}

function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
