import { apiRoute, otherMethods, readJson } from "@/lib/api/handler";
import { adjustClaim } from "@/lib/data/spans";

// Moves a claim's boundaries: {start, end, version}.
export const POST = apiRoute<{ claimId: string }>(async ({ request, actor, params }) =>
  Response.json(await adjustClaim(actor, params.claimId, await readJson(request))),
);

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
