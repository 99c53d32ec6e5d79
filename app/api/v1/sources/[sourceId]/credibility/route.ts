import { apiRoute, otherMethods, readJson } from "@/lib/api/handler";
import { setSourceCredibility } from "@/lib/data/source-credibility";

// PUT {rating, note?}: the source's own credibility rating.
export const PUT = apiRoute<{ sourceId: string }>(async ({ request, actor, params }) =>
  Response.json(await setSourceCredibility(actor, params.sourceId, await readJson(request))),
);

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { GET, POST, PATCH, DELETE } = otherMethods(["PUT"]);
