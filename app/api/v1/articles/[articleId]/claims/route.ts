import { apiRoute, readJson } from "@/lib/api/handler";
import { createClaim } from "@/lib/data/spans";

export const POST = apiRoute<{ articleId: string }>(async ({ request, actor, params }) =>
  Response.json(await createClaim(actor, params.articleId, await readJson(request)), { status: 201 }),
);
