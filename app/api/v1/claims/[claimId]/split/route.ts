import { apiRoute, otherMethods, readJson } from "@/lib/api/handler";
import { splitClaim } from "@/lib/data/spans";

export const POST = apiRoute<{ claimId: string }>(async ({ request, actor, params }) =>
  Response.json({ claims: await splitClaim(actor, params.claimId, await readJson(request)) }),
);

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
