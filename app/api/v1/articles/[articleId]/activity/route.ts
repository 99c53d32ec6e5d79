import { apiRoute, otherMethods } from "@/lib/api/handler";
import { getArticleActivity } from "@/lib/data/history";

export const GET = apiRoute<{ articleId: string }>(async ({ actor, params }) =>
  Response.json({ activity: await getArticleActivity(actor, params.articleId) }),
);

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
