import "server-only";
import crypto from "node:crypto";
import { db, executeSql, type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import { contentDisposition, safeDownloadType } from "@/lib/sources/non-web";

/** The sha256 of some bytes, lower-case hex: a blob's key. */
export function sha256Hex(bytes: Uint8Array): string {
  return crypto.createHash("sha256").update(bytes).digest("hex");
}

/**
 * Stores bytes content-addressed (once, however often they are stored) inside the
 * caller's transaction and returns their sha256. ON CONFLICT DO NOTHING rather than
 * find-then-create: two editors fetching the same page at once must not collide.
 */
export async function storeBlob(tx: Tx, bytes: Uint8Array, contentType: string | null): Promise<string> {
  const sha256 = sha256Hex(bytes);
  await executeSql(
    tx,
    `INSERT INTO "Blob" ("sha256", "contentType", "size", "data", "createdAt") VALUES (?, ?, ?, ?, ?) ON CONFLICT ("sha256") DO NOTHING`,
    sha256,
    contentType,
    bytes.byteLength,
    Buffer.from(bytes),
    new Date(),
  );
  return sha256;
}

export type BlobDownload = { bytes: Uint8Array; contentType: string; disposition: string; size: number };

/**
 * A stored blob (uploaded document or page snapshot) for download by any signed-in
 * reader, always as an attachment under a type from a fixed list (never HTML), so an
 * uploaded page cannot run script from Claimtrack's origin.
 */
export async function getBlobDownload(maybeActor: Actor | null, sha256: string): Promise<BlobDownload> {
  requirePermission(maybeActor, "sources:read");
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw notFound("File");
  const blob = await db.blob.findUnique({ where: { sha256 }, select: { data: true, size: true, contentType: true } });
  if (!blob) throw notFound("File");
  const source = await db.source.findFirst({ where: { fileSha256: sha256 }, select: { fileName: true } });
  const fileName =
    source?.fileName ?? `snapshot-${sha256.slice(0, 12)}${/html/i.test(blob.contentType ?? "") ? ".html" : ".bin"}`;
  // A snapshot's HTML is downloaded as a file to open elsewhere, never shown as a page here.
  const contentType = source?.fileName ? safeDownloadType(source.fileName) : "application/octet-stream";
  return { bytes: new Uint8Array(blob.data), contentType, disposition: contentDisposition(fileName), size: blob.size };
}
