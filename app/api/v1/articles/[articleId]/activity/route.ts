import { apiRoute } from "@/lib/api/handler";
import { getArticleActivity } from "@/lib/data/history";

export const GET = apiRoute<{ articleId: string }>(async ({ actor, params }) =>
  Response.json({ activity: await getArticleActivity(actor, params.articleId) }),
);
