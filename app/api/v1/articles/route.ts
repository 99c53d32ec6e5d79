import { apiRoute, otherMethods, readJson } from "@/lib/api/handler";
import { importArticle, listArticles } from "@/lib/data/articles";
import { toApiArticle } from "@/lib/api/shape";
import { importArticleFromUrl, isUrlImportRequest } from "@/lib/data/article-url-import";

export const GET = apiRoute(async ({ request, actor }) => {
  const url = new URL(request.url);
  const result = await listArticles(actor, Object.fromEntries(url.searchParams));
  return Response.json(result);
});

export const POST = apiRoute(async ({ request, actor }) => {
  const body = await readJson(request);
  // {url} without text: fetch the page and import its article (issue 5).
  const article = isUrlImportRequest(body) ? await importArticleFromUrl(actor, body) : await importArticle(actor, body);
  return Response.json(toApiArticle(article), { status: 201 });
});

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);
