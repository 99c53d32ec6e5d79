import { apiRoute, otherMethods } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { getRevisionText } from "@/lib/data/revisions";

// The text of revision :number as text/plain: what its claims' offsets count in, and the
// target the W3C export names (lib/export/iris.ts revisionIri).
export const GET = apiRoute<{ articleId: string; number: string }>(async ({ actor, params }) => {
  const number = Number(params.number);
  if (!Number.isInteger(number) || number < 1) throw new AppError("validation_failed", "The revision number must be a whole number from 1");
  return new Response(await getRevisionText(actor, params.articleId, number), {
    headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" },
  });
});

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
