/**
 * The Content-Security-Policy for pages: scripts only with this request's nonce (Next.js
 * adds it to its own scripts when it sees the header), nothing framed, no plugins, forms
 * only to ourselves. Styles may be inline: React and Next set style attributes.
 */
export function contentSecurityPolicy(nonce: string, options: { isDev: boolean; isHttps: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.isHttps ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * True when a state-changing request comes from another site (CSRF): its Origin (or, without
 * one, its Fetch metadata) names a different host. Requests with an Authorization header
 * are exempt, because browsers never attach one by themselves; a request with neither
 * Origin nor Fetch metadata is refused only when it carries a session cookie.
 */
export function isCrossSiteWrite(request: { method: string; headers: Headers }, hasSessionCookie: boolean): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  if (request.headers.has("authorization")) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const origin = request.headers.get("origin");
  if (origin && origin !== "null") {
    try {
      return new URL(origin).host !== host;
    } catch {
      return true;
    }
  }
  if (origin === "null") return true;
  const site = request.headers.get("sec-fetch-site");
  if (site) return site !== "same-origin" && site !== "none";
  return hasSessionCookie;
}
