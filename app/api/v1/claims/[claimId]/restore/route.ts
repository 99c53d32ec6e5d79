import { apiRoute, otherMethods } from "@/lib/api/handler";
import { restoreClaim } from "@/lib/data/spans";

export const POST = apiRoute<{ claimId: string }>(async ({ actor, params }) => Response.json(await restoreClaim(actor, params.claimId)));

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
