import { apiRoute } from "@/lib/api/handler";
import { revokeShareLink } from "@/lib/data/share";

// DELETE: revokes the link at once (the record stays, marked revoked).
export const DELETE = apiRoute<{ linkId: string }>(async ({ actor, params }) =>
  Response.json(await revokeShareLink(actor, params.linkId)),
);
