import { z } from "zod";
import { httpUrl, optionalText } from "@/lib/schemas/common";

export const SOURCE_RELATIONS = ["supports", "refutes", "context", "origin"] as const;
export type SourceRelation = (typeof SOURCE_RELATIONS)[number];

export const sourceRelation = z.enum(SOURCE_RELATIONS, {
  error: (issue) =>
    issue.input === undefined || issue.input === null
      ? "Relation is required: supports, refutes, context or origin"
      : `Unknown relation ${JSON.stringify(issue.input)}: use supports, refutes, context or origin`,
});

/** A source linked to a claim, with its relation and an optional quoted passage. */
export const addSourceSchema = z
  .object({
    url: httpUrl,
    title: optionalText(500, "Title"),
    relation: sourceRelation,
    quote: optionalText(5000, "Quote", "many"),
  })
  .strict();

export type AddSourceInput = z.infer<typeof addSourceSchema>;
