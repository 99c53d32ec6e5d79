import { AppError, type ErrorCode, type FieldErrors } from "@/lib/errors";

/** What a server action returns: its value, or an expected failure to show the user. */
export type ActionResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: ErrorCode; message: string; fields?: FieldErrors; details?: unknown } };

/**
 * Runs a server action body, returning expected failures (AppError) as values so the
 * form can show them; anything unexpected is rethrown for the error boundary.
 */
export async function runAction<T>(body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, value: await body() };
  } catch (err) {
    if (err instanceof AppError) {
      return { ok: false, error: { code: err.code, message: err.message, fields: err.fields, details: err.details } };
    }
    throw err;
  }
}
