import { apiRoute } from "@/lib/api/handler";
import { getArticleReport } from "@/lib/data/articles";

export const GET = apiRoute<{ articleId: string }>(async ({ actor, params }) => {
  const { article, counts, total, sourcedShare, claims } = await getArticleReport(actor, params.articleId);
  return Response.json({ article, counts, total, sourcedShare, claims });
});
