import { apiRoute, otherMethods } from "@/lib/api/handler";
import { listReviewQueue } from "@/lib/data/review";

// GET: articles waiting for review, the longest waiting first (reviewers and admins).
export const GET = apiRoute(async ({ actor }) => Response.json({ articles: await listReviewQueue(actor) }));

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
