import { apiRoute, otherMethods } from "@/lib/api/handler";
import { undoLastChange } from "@/lib/data/undo";

export const POST = apiRoute<{ articleId: string }>(async ({ actor, params }) => Response.json(await undoLastChange(actor, params.articleId)));

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
