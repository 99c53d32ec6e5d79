import { apiRoute, otherMethods, readJson } from "@/lib/api/handler";
import { mergeClaims } from "@/lib/data/spans";

// Merges two claims: {claimIds: [a, b], versions: [va, vb]}.
export const POST = apiRoute(async ({ request, actor }) => Response.json(await mergeClaims(actor, await readJson(request))));

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
