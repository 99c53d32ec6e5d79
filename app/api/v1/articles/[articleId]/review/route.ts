import { apiRoute, otherMethods, readJson } from "@/lib/api/handler";
import { getReviewStatus, transitionArticle } from "@/lib/data/review";

export const GET = apiRoute<{ articleId: string }>(async ({ actor, params }) =>
  Response.json(await getReviewStatus(actor, params.articleId)),
);

export const POST = apiRoute<{ articleId: string }>(async ({ request, actor, params }) =>
  Response.json(await transitionArticle(actor, params.articleId, await readJson(request))),
);

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);
