import { NextResponse, type NextRequest } from "next/server";

// Sends signed-out visitors to the login page with a way back. This is convenience, not
// security: every page, action and API route checks the session and role itself.

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything but the login page, the API (which answers 401 itself), Next's assets and files.
  matcher: ["/((?!login|forbidden|api/|_next/|favicon\\.ico|.*\\.[a-z0-9]+$).*)"],
};
