import { apiRoute, otherMethods } from "@/lib/api/handler";
import { archiveSource } from "@/lib/data/source-health";

// POST: asks the Wayback Machine to save the page; 422 with the reason when it cannot be reached.
export const POST = apiRoute<{ sourceId: string }>(async ({ actor, params }) =>
  Response.json(await archiveSource(actor, params.sourceId)),
);

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
