import { apiRoute, readJson } from "@/lib/api/handler";
import { getClaim, updateClaim } from "@/lib/data/claims";

export const GET = apiRoute<{ claimId: string }>(async ({ actor, params }) =>
  Response.json(await getClaim(actor, params.claimId)),
);

export const PATCH = apiRoute<{ claimId: string }>(async ({ request, actor, params }) =>
  Response.json(await updateClaim(actor, params.claimId, await readJson(request))),
);
