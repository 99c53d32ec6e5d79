import { apiRoute, otherMethods, readJson } from "@/lib/api/handler";
import { mergeSources } from "@/lib/data/source-edit";

// POST {intoId}: every link of this source moves to intoId, and this one leaves the library.
export const POST = apiRoute<{ sourceId: string }>(async ({ request, actor, params }) =>
  Response.json(await mergeSources(actor, params.sourceId, await readJson(request))),
);

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
