import type { ArticleView } from "@/lib/data/views";

/** An article as the JSON API returns it: metadata, the revision's text, and its claims. */
export function toApiArticle(article: ArticleView) {
  const { revision, ...rest } = article;
  return { ...rest, revision: { id: revision.id, number: revision.number }, text: revision.text };
}
