import { apiRoute, readJson } from "@/lib/api/handler";
import { splitClaim } from "@/lib/data/spans";

export const POST = apiRoute<{ claimId: string }>(async ({ request, actor, params }) =>
  Response.json({ claims: await splitClaim(actor, params.claimId, await readJson(request)) }),
);
