import { apiRoute } from "@/lib/api/handler";
import { listSources } from "@/lib/data/source-library";

// GET /api/v1/sources?q=&type=&health=&page= — the source library.
export const GET = apiRoute(async ({ request, actor }) =>
  Response.json(await listSources(actor, Object.fromEntries(new URL(request.url).searchParams))),
);
