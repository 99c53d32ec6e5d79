import { apiRoute, otherMethods } from "@/lib/api/handler";
import { snapshotSource } from "@/lib/data/source-fetch";

// POST: fetches the source's page now and keeps a snapshot of it; 201 with its id.
export const POST = apiRoute<{ sourceId: string }>(async ({ actor, params }) =>
  Response.json(await snapshotSource(actor, params.sourceId), { status: 201 }),
);

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
