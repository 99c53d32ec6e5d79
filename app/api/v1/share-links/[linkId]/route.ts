import { apiRoute, otherMethods } from "@/lib/api/handler";
import { revokeShareLink } from "@/lib/data/share";

// DELETE: revokes the link at once (the record stays, marked revoked).
export const DELETE = apiRoute<{ linkId: string }>(async ({ actor, params }) =>
  Response.json(await revokeShareLink(actor, params.linkId)),
);

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { GET, POST, PUT, PATCH } = otherMethods(["DELETE"]);
