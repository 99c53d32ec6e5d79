import { apiRoute, readJson } from "@/lib/api/handler";
import { mergeClaims } from "@/lib/data/spans";

// Merges two claims: {claimIds: [a, b], versions: [va, vb]}.
export const POST = apiRoute(async ({ request, actor }) => Response.json(await mergeClaims(actor, await readJson(request))));
