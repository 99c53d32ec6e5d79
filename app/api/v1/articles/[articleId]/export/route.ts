import { apiRoute, otherMethods } from "@/lib/api/handler";
import { exportArticle } from "@/lib/data/export";
import { env } from "@/lib/env";

// GET ?format=json|csv|w3c|claimreview|markdown: the article as a file. IRIs in the exports
// are built under NEXTAUTH_URL when set, otherwise under the address the request came to.
export const GET = apiRoute<{ articleId: string }>(async ({ request, actor, params }) => {
  const url = new URL(request.url);
  const baseUrl = env.NEXTAUTH_URL ?? url.origin;
  const file = await exportArticle(actor, params.articleId, { format: url.searchParams.get("format") ?? "json" }, { baseUrl });
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "no-store",
    },
  });
});

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
