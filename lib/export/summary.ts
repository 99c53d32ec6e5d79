import { VERDICTS, type ClaimTag, type SourceRelation, type Verdict } from "./types";
import { isBackedOnlyByLowCredibility, type EffectiveCredibility } from "../sources/credibility";

// Report figures that every format (and the report page) computes the same way. The inputs
// are structural so that the data layer's ClaimView fits as well as ExportClaim.

/** Why a claim needs a reviewer's attention. */
export type ClaimFlag =
  | "unsourced"
  | "disputed_without_refuting_or_origin"
  | "attributed_without_origin"
  | "stated_without_support"
  | "backed_only_by_low_credibility"
  | "changed_not_reread";

export const CLAIM_FLAG_LABELS: Record<ClaimFlag, string> = {
  unsourced: "No source",
  disputed_without_refuting_or_origin: "Disputed, without a refuting or origin source",
  attributed_without_origin: "Attributed, without an origin source",
  stated_without_support: "Stated, without a supporting or origin source",
  backed_only_by_low_credibility: "Backed only by low-credibility sources",
  changed_not_reread: "Changed since checked (a revision, or a span edit under a verdict), not re-read",
};

/** "changed": a revision or a span edit under a verdict changed the claim's text and no one has re-read it since. */
type FlaggableClaim = {
  tag: ClaimTag | null;
  /** `credibility`: the rating that applies to the source (its own or its publisher's), when known. */
  sources: { relation: SourceRelation; credibility?: EffectiveCredibility }[];
  anchorStatus?: string;
};

/** Lists the reasons a claim needs attention (issue 6's summary figures), empty when none. */
export function flagClaim(claim: FlaggableClaim): ClaimFlag[] {
  const flags: ClaimFlag[] = [];
  const relations = new Set(claim.sources.map((s) => s.relation));
  if (relations.size === 0) flags.push("unsourced");
  if (claim.tag === "disputed" && !relations.has("refutes") && !relations.has("origin")) {
    flags.push("disputed_without_refuting_or_origin");
  }
  if (claim.tag === "attributed" && !relations.has("origin")) flags.push("attributed_without_origin");
  // The outlet's own assertion, cited only for context, or only by sources that refute it.
  if (claim.tag === "stated" && relations.size > 0 && !relations.has("supports") && !relations.has("origin")) {
    flags.push("stated_without_support");
  }
  // Every supporting or origin source rated unreliable or mixed (lib/sources/credibility.ts).
  if (isBackedOnlyByLowCredibility(claim.sources.map((s) => ({ relation: s.relation, credibility: s.credibility ?? null })))) {
    flags.push("backed_only_by_low_credibility");
  }
  if (claim.anchorStatus === "changed") flags.push("changed_not_reread");
  return flags;
}

/** "rated mixed", or "publisher rated unreliable" when the rating is the publisher's. */
export function credibilityWords(credibility: NonNullable<EffectiveCredibility>): string {
  return `${credibility.from === "domain" ? "publisher " : ""}rated ${credibility.level}`;
}

export type ClaimsSummary = {
  total: number;
  tags: Record<ClaimTag | "untagged", number>;
  verdicts: Record<Verdict | "none", number>;
  relations: Record<SourceRelation, number>;
  /** Claims with at least one source. */
  sourced: number;
  /** sourced / total, 0 when there are no claims. */
  sourcedShare: number;
  flags: Record<ClaimFlag, number>;
  /** Claims with at least one flag. */
  needingAttention: number;
};

/** Counts claims per tag, verdict, source relation and flag, and the share with a source. */
export function summarizeClaims(claims: (FlaggableClaim & { verdict: Verdict | null })[]): ClaimsSummary {
  const tags: ClaimsSummary["tags"] = { stated: 0, disputed: 0, attributed: 0, untagged: 0 };
  const verdicts = Object.fromEntries([...VERDICTS, "none"].map((v) => [v, 0])) as ClaimsSummary["verdicts"];
  const relations: ClaimsSummary["relations"] = { supports: 0, refutes: 0, context: 0, origin: 0 };
  const flags: ClaimsSummary["flags"] = {
    unsourced: 0,
    disputed_without_refuting_or_origin: 0,
    attributed_without_origin: 0,
    stated_without_support: 0,
    backed_only_by_low_credibility: 0,
    changed_not_reread: 0,
  };
  let sourced = 0;
  let needingAttention = 0;
  for (const claim of claims) {
    tags[claim.tag ?? "untagged"] += 1;
    verdicts[claim.verdict ?? "none"] += 1;
    for (const s of claim.sources) relations[s.relation] += 1;
    if (claim.sources.length > 0) sourced += 1;
    const claimFlags = flagClaim(claim);
    for (const f of claimFlags) flags[f] += 1;
    if (claimFlags.length > 0) needingAttention += 1;
  }
  const total = claims.length;
  return { total, tags, verdicts, relations, sourced, sourcedShare: total === 0 ? 0 : sourced / total, flags, needingAttention };
}
