import { apiRoute, readJson } from "@/lib/api/handler";
import { getReviewStatus, transitionArticle } from "@/lib/data/review";

export const GET = apiRoute<{ articleId: string }>(async ({ actor, params }) =>
  Response.json(await getReviewStatus(actor, params.articleId)),
);

export const POST = apiRoute<{ articleId: string }>(async ({ request, actor, params }) =>
  Response.json(await transitionArticle(actor, params.articleId, await readJson(request))),
);
