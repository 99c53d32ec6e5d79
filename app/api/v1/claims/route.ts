import { apiRoute, otherMethods } from "@/lib/api/handler";
import { searchClaims } from "@/lib/data/search";

// GET ?q=&tag=&verdict=&reviewState=&speaker=&domain=&relation=&from=&to=&page=
export const GET = apiRoute(async ({ request, actor }) =>
  Response.json(await searchClaims(actor, Object.fromEntries(new URL(request.url).searchParams))),
);

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
