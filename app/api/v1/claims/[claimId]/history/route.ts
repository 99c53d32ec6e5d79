import { apiRoute, otherMethods } from "@/lib/api/handler";
import { getClaimHistory } from "@/lib/data/history";

export const GET = apiRoute<{ claimId: string }>(async ({ actor, params }) => Response.json({ history: await getClaimHistory(actor, params.claimId) }));

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
