import { z } from "zod";
import { type Lines, cleanTyped, missingOrWrong, optionalText } from "@/lib/schemas/common";

export const CLAIM_TAGS = ["stated", "disputed", "attributed"] as const;
export type ClaimTag = (typeof CLAIM_TAGS)[number];

/**
 * Whether a claim with this tag names whom the article reports it from: an attributed
 * claim's speaker, or who denies or hedges a disputed one ("Russia has denied…"). A stated
 * claim is the outlet's own voice and never has one (lib/data/claims.ts clears it).
 */
export function hasSpeaker(tag: ClaimTag | null): tag is "attributed" | "disputed" {
  return tag === "attributed" || tag === "disputed";
}

export const claimTag = z.enum(CLAIM_TAGS, {
  error: (issue) => `Unknown tag ${JSON.stringify(issue.input)}: use stated, disputed or attributed`,
});

/** Fact-check verdicts, from the most true to the least; "unproven" is off that scale. */
export const VERDICTS = ["true", "mostly_true", "mixed", "misleading", "mostly_false", "false", "unproven"] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_LABELS: Record<Verdict, string> = {
  true: "True",
  mostly_true: "Mostly true",
  mixed: "Mixed",
  misleading: "Misleading",
  mostly_false: "Mostly false",
  false: "False",
  unproven: "Unproven",
};

export const verdict = z.enum(VERDICTS, {
  error: (issue) => `Unknown verdict ${JSON.stringify(issue.input)}: use ${VERDICTS.join(", ")}`,
});

/** A nullable trimmed text: "" and null both clear the field. */
const clearableText = (max: number, label: string, lines: Lines) =>
  z.preprocess(
    (v) => (typeof v === "string" ? cleanTyped(v, lines).trim() || null : v),
    z.string().max(max, `${label} must be at most ${max} characters`).nullable().optional(),
  );

/** A change to a claim. `version` is the version the client read (optimistic concurrency). */
export const updateClaimSchema = z
  .object({
    tag: claimTag.nullable().optional(),
    speaker: clearableText(300, "Speaker", "one"),
    cue: clearableText(100, "Cue", "one"),
    note: clearableText(5000, "Note", "many"),
    /** Take the stored suggestion's tag (and, for attributed and disputed claims, its speaker and cue). */
    acceptSuggestion: z.literal(true).optional(),
    /** After a revision changed the claim's text: the editor has re-read it. */
    acknowledgeChange: z.literal(true).optional(),
    /** Reviewers only: the fact-check verdict and its short rationale. */
    verdict: verdict.nullable().optional(),
    verdictRationale: clearableText(2000, "Verdict rationale", "many"),
    version: z
      .number({ error: (issue) => (issue.input === undefined ? "version is required: send the version you read" : missingOrWrong("version", "a number")(issue)) })
      .int("version must be a whole number")
      .min(1, "version must be 1 or more"),
  })
  .strict();

export type UpdateClaimInput = z.infer<typeof updateClaimSchema>;

/** Accept every pending suggestion of an article at or above a confidence (0..1). */
export const acceptSuggestionsSchema = z.object({
  minConfidence: z.number({ error: "minConfidence must be a number from 0 to 1" }).min(0).max(1),
});

export const claimIdSchema = z.string().min(1).max(64);
export { optionalText };
