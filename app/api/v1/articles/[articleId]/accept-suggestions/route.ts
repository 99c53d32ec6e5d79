import { apiRoute, readJson } from "@/lib/api/handler";
import { acceptSuggestions } from "@/lib/data/claims";

export const POST = apiRoute<{ articleId: string }>(async ({ request, actor, params }) => {
  const claims = await acceptSuggestions(actor, params.articleId, await readJson(request));
  return Response.json({ accepted: claims.length, claims });
});
