import { apiRoute, otherMethods, readJson } from "@/lib/api/handler";
import { createShareLink, listShareLinks } from "@/lib/data/share";

export const GET = apiRoute<{ articleId: string }>(async ({ actor, params }) =>
  Response.json({ links: await listShareLinks(actor, params.articleId) }),
);

// POST {expiresInDays?: 1..365 | null}: 201 with the link and its token, shown this once.
export const POST = apiRoute<{ articleId: string }>(async ({ request, actor, params }) => {
  const created = await createShareLink(actor, params.articleId, await readJson(request));
  return Response.json({ ...created, url: new URL(created.path, request.url).toString() }, { status: 201 });
});

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);
