// Server actions read the session from next/headers' cookies(), which only exists inside
// a Next.js request. Integration tests stand in for the request with this cookie jar:
// the database, the session decoding and the role checks all stay real.

let cookieHeader = "";

/** Makes the following server-action calls come from this session cookie ("" for anonymous). */
export function actAs(cookie: string): void {
  cookieHeader = cookie;
}

/** The subset of next/headers' cookie store that lib/auth/session uses. */
export const cookieStore = {
  get(name: string) {
    for (const part of cookieHeader.split(";")) {
      const [key, ...rest] = part.trim().split("=");
      if (key === name) return { name, value: rest.join("=") };
    }
    return undefined;
  },
};
