import { apiRoute, otherMethods, readJson } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { updateSource } from "@/lib/data/source-edit";
import { getSource } from "@/lib/data/source-library";

async function loadSource(actor: Parameters<typeof getSource>[0], sourceId: string) {
  const source = await getSource(actor, sourceId);
  // A merged source is gone from the library; its answer names the kept one.
  if (!("id" in source))
    throw new AppError("not_found", "Source was merged into another", { details: { mergedIntoId: source.mergedIntoId } });
  return source;
}

export const GET = apiRoute<{ sourceId: string }>(async ({ actor, params }) =>
  Response.json(await loadSource(actor, params.sourceId)),
);

export const PATCH = apiRoute<{ sourceId: string }>(async ({ request, actor, params }) => {
  await updateSource(actor, params.sourceId, await readJson(request));
  return Response.json(await loadSource(actor, params.sourceId));
});

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { POST, PUT, DELETE } = otherMethods(["GET", "PATCH"]);
