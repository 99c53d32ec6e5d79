// How a throttled request is told when it may try again: the same words from the API, the
// sign-in route and the sign-in page (which reads the wait from next-auth's error code).

/** "Try again in 14 minutes." for a wait in ms, rounded up to whole minutes. */
export function tryAgainIn(waitMs: number): string {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  return `Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

const RATE_LIMITED = /^RateLimited(?::(\d{1,7}))?$/;

/**
 * The `error` a throttled sign-in sends back: next-auth's signIn() passes on only the
 * login URL's `?error=`, so the wait in seconds rides in it ("RateLimited:840").
 */
export function rateLimitedError(waitMs: number): string {
  return `RateLimited:${Math.ceil(waitMs / 1000)}`;
}

/** The wait in ms that a sign-in error carries; null when it is not a throttling error, 0 when it names no wait. */
export function rateLimitedWait(error: string | null | undefined): number | null {
  const match = error ? RATE_LIMITED.exec(error) : null;
  return match ? Number(match[1] ?? 0) * 1000 : null;
}
