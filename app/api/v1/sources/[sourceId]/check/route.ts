import { apiRoute } from "@/lib/api/handler";
import { checkSourceLink } from "@/lib/data/source-health";

// POST: checks the source's link now and answers with its health.
export const POST = apiRoute<{ sourceId: string }>(async ({ actor, params }) =>
  Response.json(await checkSourceLink(actor, params.sourceId)),
);
