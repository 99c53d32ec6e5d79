import "server-only";
import { AppError, type ErrorCode, type FieldErrors } from "@/lib/errors";
import { getRequestActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/roles";
import { REQUEST_ID_HEADER, log } from "@/lib/log";
import { isCrossSiteWrite } from "@/lib/http/security-headers";

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token=/;

/** Largest JSON body accepted by the API: 2 MB of article text plus JSON overhead. */
export const MAX_JSON_BYTES = 3 * 1024 * 1024;

type RouteContext<P> = { params: Promise<P> };
type Handler<P> = (args: { request: Request; actor: Actor; params: P }) => Promise<Response>;

/** A JSON error body: {error: {code, message, fields?}} plus any details. */
export function errorResponse(code: ErrorCode, message: string, status: number, extra: { fields?: FieldErrors; details?: unknown } = {}): Response {
  const body: Record<string, unknown> = { error: { code, message, ...(extra.fields ? { fields: extra.fields } : {}) } };
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (extra.details && typeof extra.details === "object") {
    const { retryAfterSeconds, ...rest } = extra.details as { retryAfterSeconds?: number };
    if (retryAfterSeconds !== undefined) headers["retry-after"] = String(retryAfterSeconds);
    Object.assign(body, rest);
  }
  return Response.json(body, { status, headers });
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
type Plain = (request: Request) => Promise<Response>;
/** The same answer for every method. */
const everyMethod = (answer: Plain) => Object.fromEntries(METHODS.map((m) => [m, answer])) as Record<Method, Plain>;

/**
 * The methods a route does not take, each answering 405 with an Allow header and the
 * usual JSON error (Next.js alone answers them with an empty body). A route file ends
 * with `export const { PUT, DELETE } = otherMethods(["GET", "POST"]);`, naming the
 * methods it exports; tests/integration/api-methods.test.ts checks every route file.
 */
export function otherMethods(allowed: readonly Method[]): Record<Method, Plain> {
  const allow = [...allowed, ...(allowed.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const refuse: Plain = async (request) => {
    const response = errorResponse("method_not_allowed", `${request.method} is not allowed here: use ${allowed.join(" or ")}`, 405);
    response.headers.set("allow", allow);
    return response;
  };
  return everyMethod(refuse);
}

/** Every method of a path no route serves: 404 with the usual JSON error (app/api/v1/[...path]/route.ts). */
export function noSuchRoute(): Record<Method, Plain> {
  const answer: Plain = async (request) =>
    errorResponse("not_found", `No API route at ${request.method} ${new URL(request.url).pathname}: see the README's "JSON API"`, 404);
  return everyMethod(answer);
}

/**
 * Wraps an API route handler: gives the request an id, refuses cross-site writes made
 * with a session cookie (CSRF), requires an actor (bearer token or session cookie), and
 * turns expected failures into JSON errors with the right status. Role checks happen in
 * lib/data, which every handler goes through.
 */
export function apiRoute<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    const started = performance.now();
    const incoming = request.headers.get(REQUEST_ID_HEADER);
    const reqId = incoming && /^[\w.-]{8,80}$/.test(incoming) ? incoming : crypto.randomUUID();
    const done = (response: Response, extra: object = {}) => {
      response.headers.set(REQUEST_ID_HEADER, reqId);
      log.info({ reqId, method: request.method, path: new URL(request.url).pathname, status: response.status, ms: Math.round(performance.now() - started), ...extra }, "api");
      return response;
    };
    try {
      if (isCrossSiteWrite(request, SESSION_COOKIE.test(request.headers.get("cookie") ?? ""))) {
        throw new AppError("forbidden", "Cross-site request refused: send it from Claimtrack's own pages, or use an API token");
      }
      const actor = await getRequestActor(request);
      if (!actor) throw new AppError("unauthenticated", "Sign in, or send an API token as 'Authorization: Bearer <token>'");
      const params = await context.params;
      return done(await handler({ request, actor, params }), { userId: actor.id });
    } catch (err) {
      if (err instanceof AppError) {
        return done(errorResponse(err.code, err.message, err.status, { fields: err.fields, details: err.details }));
      }
      log.error({ reqId, err }, "API request failed");
      return done(errorResponse("internal", `Something went wrong on the server (request ${reqId ?? "unknown"})`, 500));
    }
  };
}

/** Reads a JSON request body, refusing bodies over the limit, invalid UTF-8 and invalid JSON. */
export async function readJson(request: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new AppError("bad_request", "Send the body as JSON with Content-Type: application/json");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const bytes = await readLimited(request, maxBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("bad_request", "The request body is not valid UTF-8");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON");
  }
}

const tooLarge = (maxBytes: number) =>
  new AppError("payload_too_large", `The request body is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);

async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
