import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import { storeBlob } from "@/lib/data/source-blobs";
import { fetchPage, type FetchedPage } from "@/lib/sources/fetch-page";
import { fetchDetailsSchema } from "@/lib/sources/source-schemas";
import { canonicalizeUrl } from "@/lib/sources/url";
import type { SourceType } from "@/lib/sources/source-type";

/** The locked-down fetcher's settings from the environment, read at call time. */
export function sourceFetchOptions(): { allowHosts: string[]; timeoutMs: number } {
  return { allowHosts: env.FETCH_ALLOW_HOSTS, timeoutMs: env.FETCH_TIMEOUT_MS };
}

/** What "Fetch details" found on a page, to pre-fill the source form. */
export type SourceDetailsView = {
  url: string;
  finalUrl: string;
  httpStatus: number;
  fetchedAt: string;
  contentType: string | null;
  /** The snapshot kept of the page; pass it back when saving the source to attach it. */
  snapshotId: string;
  title: string | null;
  publisher: string | null;
  author: string | null;
  publishedAt: string | null;
  description: string | null;
  type: SourceType | null;
  /** The library's record for this URL, when there is one already. */
  existingSourceId: string | null;
  /** Set when the page is not HTML (a PDF…): kept, but nothing to read details from. */
  note: string | null;
};

/**
 * Fetches a page with the locked-down fetcher, keeps a snapshot of it (content-addressed
 * blob plus a SourceSnapshot row with the fetch time and status) and reads its metadata.
 * The snapshot belongs to the URL's source when the library has one, else it waits for
 * the source to be saved. Throws FetchError (422, message naming the reason) when refused.
 */
export async function fetchSourceDetails(maybeActor: Actor | null, input: unknown): Promise<SourceDetailsView> {
  requirePermission(maybeActor, "sources:write");
  const { url: raw } = parseInput(fetchDetailsSchema, input);
  const url = canonicalizeUrl(raw);
  const page = await fetchPage(raw, sourceFetchOptions());
  const { snapshotId, sourceId } = await keepSnapshot(page, url);
  const m = page.metadata;
  return {
    url,
    finalUrl: page.response.finalUrl,
    httpStatus: page.response.status,
    fetchedAt: page.response.fetchedAt.toISOString(),
    contentType: page.response.contentType,
    snapshotId,
    title: m?.title ?? null,
    publisher: m?.siteName ?? null,
    author: m?.author ?? null,
    publishedAt: m?.publishedAt ?? null,
    description: m?.description ?? null,
    type: m?.type ?? null,
    existingSourceId: sourceId,
    note: m
      ? null
      : `The address answered with ${page.response.contentType ?? "an unknown type"}, not a web page: it is kept, but fill in the details by hand.`,
  };
}

/** Stores a fetched page's bytes and its snapshot row; returns the snapshot and the source it joined, if any. */
export async function keepSnapshot(
  page: FetchedPage,
  canonicalUrl: string,
): Promise<{ snapshotId: string; sourceId: string | null }> {
  const { snapshot } = page;
  return db.$transaction(async (tx) => {
    await storeBlob(tx, snapshot.body, snapshot.contentType);
    const source = await tx.source.findUnique({ where: { url: canonicalUrl }, select: { id: true, mergedIntoId: true } });
    const sourceId = source ? (source.mergedIntoId ?? source.id) : null;
    const row = await tx.sourceSnapshot.create({
      data: {
        sourceId,
        url: canonicalUrl,
        finalUrl: snapshot.url,
        sha256: snapshot.sha256,
        contentType: snapshot.contentType,
        httpStatus: snapshot.status,
        bytes: snapshot.bytes,
        fetchedAt: snapshot.fetchedAt,
      },
      select: { id: true },
    });
    return { snapshotId: row.id, sourceId };
  });
}

/** Fetches a web source's page again now and keeps the snapshot on the source (link rot insurance). */
export async function snapshotSource(
  maybeActor: Actor | null,
  sourceId: string,
): Promise<{ snapshotId: string; httpStatus: number; fetchedAt: string }> {
  requirePermission(maybeActor, "sources:write");
  const source = await db.source.findFirst({ where: { id: sourceId, mergedIntoId: null }, select: { url: true } });
  if (!source) throw notFound("Source");
  if (!/^https?:\/\//.test(source.url))
    throw new AppError("validation_failed", "This source is not a web page: there is nothing to fetch");
  const page = await fetchPage(source.url, sourceFetchOptions());
  const { snapshotId } = await keepSnapshot(page, source.url);
  return { snapshotId, httpStatus: page.response.status, fetchedAt: page.response.fetchedAt.toISOString() };
}
