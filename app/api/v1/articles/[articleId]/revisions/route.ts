import { apiRoute, otherMethods, readJson } from "@/lib/api/handler";
import { importRevision, listRevisions } from "@/lib/data/revisions";

export const GET = apiRoute<{ articleId: string }>(async ({ actor, params }) =>
  Response.json({ revisions: await listRevisions(actor, params.articleId) }),
);

export const POST = apiRoute<{ articleId: string }>(async ({ request, actor, params }) =>
  Response.json(await importRevision(actor, params.articleId, await readJson(request)), { status: 201 }),
);

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);
