import { apiRoute } from "@/lib/api/handler";
import { getClaimHistory } from "@/lib/data/history";

export const GET = apiRoute<{ claimId: string }>(async ({ actor, params }) => Response.json({ history: await getClaimHistory(actor, params.claimId) }));
