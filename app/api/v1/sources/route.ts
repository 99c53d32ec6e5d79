import { apiRoute, otherMethods } from "@/lib/api/handler";
import { listSources } from "@/lib/data/source-library";

// GET /api/v1/sources?q=&type=&health=&page= — the source library.
export const GET = apiRoute(async ({ request, actor }) =>
  Response.json(await listSources(actor, Object.fromEntries(new URL(request.url).searchParams))),
);

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
