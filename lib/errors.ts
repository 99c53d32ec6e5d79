import { z } from "zod";

export type ErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "payload_too_large"
  | "rate_limited"
  | "internal";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
};

/** Field name → messages, as shown next to form fields and returned by the API. */
export type FieldErrors = Record<string, string[]>;

/** An expected failure with a message fit to show to the user. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  /** Extra data for the client, e.g. the current claim on a conflict. */
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, options: { fields?: FieldErrors; details?: unknown } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = options.fields;
    this.details = options.details;
  }

  get status(): number {
    return STATUS[this.code];
  }
}

/** Maps zod issues to field errors keyed by the dotted path ("" for the whole input). */
export function fieldErrorsFromZod(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issuesOf(error)) {
    const key = issue.path.map(String).join(".");
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** A zod error's issues, each unknown key as its own issue on that key, named in words. */
function issuesOf(error: z.ZodError): { path: PropertyKey[]; message: string }[] {
  return error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ path: [...issue.path, key], message: `Unknown field "${key}": leave it out` }))
      : [{ path: issue.path, message: issue.message }],
  );
}

/** Parses input with a schema, throwing a 422 AppError whose fields say what is wrong. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = fieldErrorsFromZod(result.error);
  const first = issuesOf(result.error)[0];
  // Name the field unless the message already does ("Title is required", not "title: Title is required").
  const field = first?.path.length === 1 ? String(first.path[0]) : null;
  const isNamed = field !== null && first!.message.toLowerCase().includes(field.toLowerCase());
  const where = first && first.path.length > 0 && !isNamed ? `${first.path.join(".")}: ` : "";
  throw new AppError("validation_failed", `${where}${first?.message ?? "Invalid input"}`, { fields });
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
