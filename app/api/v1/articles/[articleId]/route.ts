import { apiRoute } from "@/lib/api/handler";
import { toApiArticle } from "@/lib/api/shape";
import { getArticle } from "@/lib/data/articles";

export const GET = apiRoute<{ articleId: string }>(async ({ actor, params }) =>
  Response.json(toApiArticle(await getArticle(actor, params.articleId))),
);
