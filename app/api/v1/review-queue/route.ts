import { apiRoute } from "@/lib/api/handler";
import { listReviewQueue } from "@/lib/data/review";

// GET: articles waiting for review, the longest waiting first (reviewers and admins).
export const GET = apiRoute(async ({ actor }) => Response.json({ articles: await listReviewQueue(actor) }));
