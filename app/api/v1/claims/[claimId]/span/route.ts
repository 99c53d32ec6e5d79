import { apiRoute, readJson } from "@/lib/api/handler";
import { adjustClaim } from "@/lib/data/spans";

// Moves a claim's boundaries: {start, end, version}.
export const POST = apiRoute<{ claimId: string }>(async ({ request, actor, params }) =>
  Response.json(await adjustClaim(actor, params.claimId, await readJson(request))),
);
