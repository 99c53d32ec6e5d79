import { apiRoute, otherMethods } from "@/lib/api/handler";
import { getArticleReport } from "@/lib/data/articles";

export const GET = apiRoute<{ articleId: string }>(async ({ actor, params }) => {
  const { article, counts, total, sourcedShare, claims } = await getArticleReport(actor, params.articleId);
  return Response.json({ article, counts, total, sourcedShare, claims });
});

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
