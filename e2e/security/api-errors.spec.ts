import { expect, test } from "@playwright/test";

// Through the real server: Next.js routes a method a route does not take, and a path no
// route serves, to Claimtrack's JSON answers (tests/integration/api-methods.test.ts checks
// every route file; this checks that the server uses them).

test("a wrong method is a JSON 405 with Allow; an unknown API path is a JSON 404", async ({ request }) => {
  const wrong = await request.delete("/api/v1/articles");
  expect(wrong.status()).toBe(405);
  expect(wrong.headers()["allow"]).toBe("GET, POST, HEAD, OPTIONS");
  expect(await wrong.json()).toEqual({ error: { code: "method_not_allowed", message: "DELETE is not allowed here: use GET or POST" } });

  const postOnly = await request.get("/api/v1/claims/merge");
  expect(postOnly.status()).toBe(405);
  expect(postOnly.headers()["allow"]).toBe("POST, OPTIONS");

  const unknown = await request.get("/api/v1/review-queue/extra");
  expect(unknown.status()).toBe(404);
  expect(unknown.headers()["content-type"]).toMatch(/^application\/json/);
  expect(await unknown.json()).toMatchObject({ error: { code: "not_found" } });

  // A real route still answers: anonymous, so 401 in JSON.
  expect((await request.get("/api/v1/articles")).status()).toBe(401);
});
