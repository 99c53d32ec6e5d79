import { apiRoute, otherMethods, readJson } from "@/lib/api/handler";
import { createClaim } from "@/lib/data/spans";

export const POST = apiRoute<{ articleId: string }>(async ({ request, actor, params }) =>
  Response.json(await createClaim(actor, params.articleId, await readJson(request)), { status: 201 }),
);

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
