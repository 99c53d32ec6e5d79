import { apiRoute, readJson } from "@/lib/api/handler";
import { setSourceCredibility } from "@/lib/data/source-credibility";

// PUT {rating, note?}: the source's own credibility rating.
export const PUT = apiRoute<{ sourceId: string }>(async ({ request, actor, params }) =>
  Response.json(await setSourceCredibility(actor, params.sourceId, await readJson(request))),
);
