import { apiRoute, otherMethods } from "@/lib/api/handler";
import { getLinkCheckJob, startLinkCheck } from "@/lib/data/source-check-job";

// GET: the latest "check all links" job and its progress (null when none ran yet).
export const GET = apiRoute(async ({ actor }) => Response.json({ job: await getLinkCheckJob(actor) }));

// POST: starts checking every link in this server, or resumes the unfinished job; 202.
export const POST = apiRoute(async ({ actor }) =>
  Response.json({ job: await startLinkCheck(actor, { runInBackground: true }) }, { status: 202 }),
);

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);
