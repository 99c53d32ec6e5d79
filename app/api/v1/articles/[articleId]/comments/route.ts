import { apiRoute, otherMethods, readJson } from "@/lib/api/handler";
import { addComment, listComments } from "@/lib/data/comments";
import { AppError } from "@/lib/errors";

// GET: the article's threads (?scope=all for its claims' too, ?claimId= for one claim's).
export const GET = apiRoute<{ articleId: string }>(async ({ request, actor, params }) => {
  const query = new URL(request.url).searchParams;
  const claimId = query.get("claimId");
  const threads = claimId
    ? await listComments(actor, { articleId: params.articleId, claimId })
    : await listComments(actor, { articleId: params.articleId, scope: query.get("scope") ?? "article" });
  return Response.json({ threads });
});

export const POST = apiRoute<{ articleId: string }>(async ({ request, actor, params }) => {
  const body = await readJson(request);
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new AppError("validation_failed", "Send a JSON object");
  const comment = await addComment(actor, { ...body, articleId: params.articleId });
  return Response.json(comment, { status: 201 });
});

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);
