import { apiRoute, otherMethods, readJson } from "@/lib/api/handler";
import { addSourceToClaim } from "@/lib/data/sources";

export const POST = apiRoute<{ claimId: string }>(async ({ request, actor, params }) =>
  Response.json(await addSourceToClaim(actor, params.claimId, await readJson(request)), { status: 201 }),
);

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
