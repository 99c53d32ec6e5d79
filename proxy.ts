import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_ID_HEADER, log } from "@/lib/log";
import { contentSecurityPolicy, isCrossSiteWrite } from "@/lib/http/security-headers";

// Runs before every page request (not the API or static files, which need none of this
// and are faster without it; lib/api/handler.ts does the API's request ids and CSRF
// checks): gives it a request id, refuses cross-site writes such as server actions posted
// from another site (CSRF), sets a per-request CSP nonce, and sends signed-out visitors
// to the login page. Sending to the login page is convenience, not security: every page,
// action and API route checks the session itself. next.config.js sets the other headers.

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];
const PUBLIC_PAGES = /^\/(login|forbidden|share)(\/|$)/;
const isDev = process.env.NODE_ENV === "development";

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const incoming = request.headers.get(REQUEST_ID_HEADER);
  const requestId = incoming && /^[\w.-]{8,80}$/.test(incoming) ? incoming : crypto.randomUUID();
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  log.debug({ reqId: requestId, method: request.method, path: pathname }, "request");

  const finish = (response: NextResponse) => {
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  };

  if (isCrossSiteWrite(request, hasSession)) {
    log.warn({ reqId: requestId, method: request.method, path: pathname, origin: request.headers.get("origin") }, "cross-site write refused");
    return finish(
      NextResponse.json(
        { error: { code: "forbidden", message: "Cross-site request refused: send it from Claimtrack's own pages, or use an API token" } },
        { status: 403 },
      ),
    );
  }

  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);

  if (!hasSession && !PUBLIC_PAGES.test(pathname)) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return finish(NextResponse.redirect(login));
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const isHttps = request.headers.get("x-forwarded-proto") === "https" || request.nextUrl.protocol === "https:";
  const csp = contentSecurityPolicy(nonce, { isDev, isHttps });
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return finish(response);
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon\\.ico|robots\\.txt).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
