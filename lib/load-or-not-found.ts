import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

/** Awaits a data call, showing the not-found page when it reports not_found. */
export async function loadOrNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}
