import { apiRoute, otherMethods, readJson } from "@/lib/api/handler";
import { acceptSuggestions } from "@/lib/data/claims";

export const POST = apiRoute<{ articleId: string }>(async ({ request, actor, params }) => {
  const claims = await acceptSuggestions(actor, params.articleId, await readJson(request));
  return Response.json({ accepted: claims.length, claims });
});

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
