import { apiRoute, otherMethods } from "@/lib/api/handler";
import { getClaimStats } from "@/lib/data/search-stats";

// GET with the filters of GET /api/v1/claims: top speakers, sources, domains, claims per month.
export const GET = apiRoute(async ({ request, actor }) =>
  Response.json(await getClaimStats(actor, Object.fromEntries(new URL(request.url).searchParams))),
);

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
