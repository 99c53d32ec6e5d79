import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every /api/v1 route answers the methods it does not take with 405, an Allow header and
// the JSON error body every other API error has (Next.js alone sends an empty 405), and
// a path no route serves answers a JSON 404 (app/api/v1/[...path]/route.ts).

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Plain = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Each route file with the methods it really serves (as the authorization matrix finds them). */
function routeFiles(): { file: string; route: string; serves: string[] }[] {
  const found: { file: string; route: string; serves: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts" && !full.includes("[...path]")) {
        const source = fs.readFileSync(full, "utf8");
        const serves = [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
        found.push({ file: full, route: `/${path.relative("app", path.dirname(full)).split(path.sep).join("/")}`, serves });
      }
    }
  };
  walk("app/api/v1");
  return found;
}

const call = (mod: Record<string, unknown>, method: string, url: string) =>
  (mod[method] as Plain)(new Request(`http://localhost${url}`, { method }), { params: Promise.resolve({}) });

describe.each(routeFiles())("$route", ({ file, route, serves }) => {
  it(`answers every method but ${serves.join(", ")} with 405, Allow and a JSON error`, async () => {
    const mod = (await import(path.resolve(file))) as Record<string, unknown>;
    expect(serves.length).toBeGreaterThan(0);
    for (const method of METHODS.filter((m) => !serves.includes(m))) {
      expect(typeof mod[method], `${route} exports no ${method}`).toBe("function");
      const response = await call(mod, method, route);
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe([...serves, ...(serves.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", "));
      expect(await response.json()).toEqual({
        error: { code: "method_not_allowed", message: `${method} is not allowed here: use ${serves.join(" or ")}` },
      });
    }
  });
});

describe("a path no route serves", () => {
  it("answers every method with a JSON 404", async () => {
    const mod = (await import("@/app/api/v1/[...path]/route")) as Record<string, unknown>;
    for (const method of METHODS) {
      const response = await call(mod, method, "/api/v1/review-queue/extra");
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        error: { code: "not_found", message: `No API route at ${method} /api/v1/review-queue/extra: see the README's "JSON API"` },
      });
    }
  });
});
