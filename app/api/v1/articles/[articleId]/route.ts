import { apiRoute, otherMethods } from "@/lib/api/handler";
import { toApiArticle } from "@/lib/api/shape";
import { getArticle } from "@/lib/data/articles";

export const GET = apiRoute<{ articleId: string }>(async ({ actor, params }) =>
  Response.json(toApiArticle(await getArticle(actor, params.articleId))),
);

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
