import { apiRoute, otherMethods, readJson } from "@/lib/api/handler";
import { getClaim, updateClaim } from "@/lib/data/claims";
import { deleteClaim } from "@/lib/data/spans";

export const GET = apiRoute<{ claimId: string }>(async ({ actor, params }) =>
  Response.json(await getClaim(actor, params.claimId)),
);

export const PATCH = apiRoute<{ claimId: string }>(async ({ request, actor, params }) =>
  Response.json(await updateClaim(actor, params.claimId, await readJson(request))),
);

// Deletes (recoverably) a claim: DELETE /api/v1/claims/:id?version=N.
export const DELETE = apiRoute<{ claimId: string }>(async ({ request, actor, params }) => {
  const version = Number(new URL(request.url).searchParams.get("version"));
  await deleteClaim(actor, params.claimId, { version });
  return new Response(null, { status: 204 });
});

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { POST, PUT } = otherMethods(["GET", "PATCH", "DELETE"]);
