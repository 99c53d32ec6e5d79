import { AppError } from "../errors";

/** Why a locked-down fetch failed; stable strings that callers and the API may branch on. */
export type FetchFailureReason =
  | "scheme"
  | "credentials"
  | "port"
  | "private_address"
  | "dns"
  | "timeout"
  | "too_large"
  | "too_many_redirects"
  | "http_status"
  | "network";

/**
 * A refused or failed server-side fetch. Its code is "validation_failed" so the API answers
 * 422 with the message, which always names the reason in plain words.
 */
export class FetchError extends AppError {
  readonly reason: FetchFailureReason;
  /** The URL of the hop that failed (after any redirects). */
  readonly url: string;
  /** The HTTP status, when the server answered before the failure (http_status, too_large). */
  readonly httpStatus: number | null;
  /** Every URL that redirected before the failure, in order. */
  readonly redirects: string[];

  constructor(
    reason: FetchFailureReason,
    message: string,
    options: { url: string; httpStatus?: number | null; redirects?: string[]; cause?: unknown },
  ) {
    super("validation_failed", message, { details: { reason, url: options.url, httpStatus: options.httpStatus ?? null } });
    this.name = "FetchError";
    this.reason = reason;
    this.url = options.url;
    this.httpStatus = options.httpStatus ?? null;
    this.redirects = options.redirects ?? [];
    if (options.cause !== undefined) this.cause = options.cause;
  }
}

/** Whether a value is a FetchError (instanceof can fail across duplicated module copies in bundles). */
export function isFetchError(error: unknown): error is FetchError {
  return error instanceof FetchError || (error instanceof Error && error.name === "FetchError" && "reason" in error);
}
