import { apiRoute } from "@/lib/api/handler";
import { restoreClaim } from "@/lib/data/spans";

export const POST = apiRoute<{ claimId: string }>(async ({ actor, params }) => Response.json(await restoreClaim(actor, params.claimId)));
