import { apiRoute, otherMethods, readJson } from "@/lib/api/handler";
import { resolveComment } from "@/lib/data/comments";

// PATCH {resolved: true|false}: resolves a thread or opens it again.
export const PATCH = apiRoute<{ commentId: string }>(async ({ request, actor, params }) =>
  Response.json(await resolveComment(actor, params.commentId, await readJson(request))),
);

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { GET, POST, PUT, DELETE } = otherMethods(["PATCH"]);
