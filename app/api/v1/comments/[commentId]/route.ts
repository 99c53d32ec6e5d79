import { apiRoute, readJson } from "@/lib/api/handler";
import { resolveComment } from "@/lib/data/comments";

// PATCH {resolved: true|false}: resolves a thread or opens it again.
export const PATCH = apiRoute<{ commentId: string }>(async ({ request, actor, params }) =>
  Response.json(await resolveComment(actor, params.commentId, await readJson(request))),
);
