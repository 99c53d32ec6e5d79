import { apiRoute, readJson } from "@/lib/api/handler";
import { addSourceToClaim } from "@/lib/data/sources";

export const POST = apiRoute<{ claimId: string }>(async ({ request, actor, params }) =>
  Response.json(await addSourceToClaim(actor, params.claimId, await readJson(request)), { status: 201 }),
);
