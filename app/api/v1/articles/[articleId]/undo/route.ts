import { apiRoute } from "@/lib/api/handler";
import { undoLastChange } from "@/lib/data/undo";

export const POST = apiRoute<{ articleId: string }>(async ({ actor, params }) => Response.json(await undoLastChange(actor, params.articleId)));
