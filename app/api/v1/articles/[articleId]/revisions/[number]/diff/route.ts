import { apiRoute, otherMethods } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { getRevisionDiff } from "@/lib/data/revisions";

// The changes from revision :number to the next one, with the claims each change touched.
export const GET = apiRoute<{ articleId: string; number: string }>(async ({ actor, params }) => {
  const from = Number(params.number);
  if (!Number.isInteger(from) || from < 1) throw new AppError("validation_failed", "The revision number must be a whole number from 1");
  return Response.json(await getRevisionDiff(actor, params.articleId, from));
});

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
