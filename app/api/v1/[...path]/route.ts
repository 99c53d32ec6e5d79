import { noSuchRoute } from "@/lib/api/handler";

// Any /api/v1 path no other route serves: a JSON 404, like every other API error, rather
// than the app's HTML not-found page. The more specific routes always win over this one.
export const { GET, POST, PUT, PATCH, DELETE } = noSuchRoute();
