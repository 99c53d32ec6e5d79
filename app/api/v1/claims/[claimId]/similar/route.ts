import { apiRoute, otherMethods } from "@/lib/api/handler";
import { findAlreadyChecked } from "@/lib/data/similar-claims";

// GET: claims from other articles that say the same thing ("already checked").
export const GET = apiRoute<{ claimId: string }>(async ({ actor, params }) =>
  Response.json({ matches: await findAlreadyChecked(actor, params.claimId) }),
);

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
