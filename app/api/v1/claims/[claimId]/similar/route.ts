import { apiRoute } from "@/lib/api/handler";
import { findAlreadyChecked } from "@/lib/data/similar-claims";

// GET: claims from other articles that say the same thing ("already checked").
export const GET = apiRoute<{ claimId: string }>(async ({ actor, params }) =>
  Response.json({ matches: await findAlreadyChecked(actor, params.claimId) }),
);
