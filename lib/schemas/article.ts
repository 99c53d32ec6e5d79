import { z } from "zod";
import { articleText, isoDate, missingOrWrong, optionalHttpUrl, optionalText, pageNumber, cleanTyped } from "@/lib/schemas/common";

export const articleMetadataSchema = z.object({
  url: optionalHttpUrl,
  publisher: optionalText(200, "Publisher"),
  author: optionalText(200, "Author"),
  publishedAt: isoDate,
});

/** An article to import: title and text, with optional metadata. */
export const importArticleSchema = articleMetadataSchema.extend({
  title: z
    .string({ error: missingOrWrong("Title") })
    .overwrite((v) => cleanTyped(v, "one"))
    .min(1, "Title is required")
    .max(500, "Title must be at most 500 characters"),
  text: articleText,
}).strict();

export type ImportArticleInput = z.infer<typeof importArticleSchema>;

export const listArticlesSchema = z.object({
  q: optionalText(200, "Search"),
  page: pageNumber(),
});
