import { expect, test } from "@playwright/test";
import { exited, freshEnv, startServer } from "../support/server";
import { SAMPLE } from "../support/import";

test("SIGTERM lets in-flight requests finish before the server exits", async () => {
  test.setTimeout(120_000);
  const server = await startServer(freshEnv());
  // About 8,500 claims: long enough to be in flight, under the 10,000-claim limit.
  const text = Array.from({ length: 500 }, (_, i) => `${SAMPLE} (Copy ${i}.)`).join("\n\n");
  const sent = Date.now();
  const request = fetch(`${server.url}/api/v1/articles`, {
    method: "POST",
    headers: { authorization: `Bearer ${server.token}`, "content-type": "application/json" },
    body: JSON.stringify({ title: "In flight at shutdown", text }),
  });
  await new Promise((r) => setTimeout(r, 400));
  server.child.kill("SIGTERM");
  const termAt = Date.now();
  const response = await request;
  expect(response.status).toBe(201);
  // The import was still running when SIGTERM arrived.
  expect(Date.now()).toBeGreaterThan(termAt + 200);
  expect(termAt - sent).toBeLessThan(1000);
  expect(((await response.json()) as { claims: unknown[] }).claims.length).toBeGreaterThan(5000);
  // next start exits with 128 + SIGTERM once the last request is answered.
  expect([0, 143]).toContain(await exited(server.child));
  // New connections are refused once it has gone.
  await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
});
