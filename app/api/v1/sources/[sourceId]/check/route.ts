import { apiRoute, otherMethods } from "@/lib/api/handler";
import { checkSourceLink } from "@/lib/data/source-health";

// POST: checks the source's link now and answers with its health.
export const POST = apiRoute<{ sourceId: string }>(async ({ actor, params }) =>
  Response.json(await checkSourceLink(actor, params.sourceId)),
);

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
