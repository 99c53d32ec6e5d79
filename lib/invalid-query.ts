import { AppError } from "@/lib/errors";

/** A list page's data, or why the address's filters or page number cannot be read. */
export type PageQuery<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Runs a list page's query. A bad filter or page number in the address ("?page=abc",
 * "?health=zzz") comes back as its message, for the page to show beside a way out, rather
 * than as the generic error page; any other failure is thrown on.
 */
export async function readPageQuery<T>(query: () => Promise<T>): Promise<PageQuery<T>> {
  try {
    return { ok: true, value: await query() };
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== "validation_failed") throw err;
    const fields = Object.values(err.fields ?? {}).flat();
    return { ok: false, message: fields.length > 0 ? fields.join(". ") : err.message };
  }
}
