import "server-only";
import { db } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/data/audit";
import { sha256Hex, storeBlob } from "@/lib/data/source-blobs";
import { MAX_SOURCE_FILE_BYTES, cleanFileName, fileSourceUrl, offlineSourceUrl } from "@/lib/sources/non-web";
import { nonWebSourceSchema } from "@/lib/sources/source-schemas";

export type NonWebFile = { name: string; bytes: Uint8Array; contentType: string | null };

/**
 * Adds a source that is not a web page. With a file (a PDF, a document, a recording) the
 * bytes are stored content-addressed and the source is `claimtrack:file/<sha256>`, so the
 * same file uploaded twice is one source; without one (a phone interview) the source gets
 * a fresh `claimtrack:offline/<uuid>`. Returns the source's id and identifier.
 */
export async function addNonWebSource(
  maybeActor: Actor | null,
  input: unknown,
  file: NonWebFile | null,
): Promise<{ id: string; url: string; isNew: boolean }> {
  const actor = requirePermission(maybeActor, "sources:write");
  const data = parseInput(nonWebSourceSchema, input);
  if (file && file.bytes.byteLength > MAX_SOURCE_FILE_BYTES) {
    throw new AppError("payload_too_large", `${file.name} is larger than 5 MB`, {
      fields: { file: ["The file is larger than 5 MB"] },
    });
  }
  const fileName = file ? cleanFileName(file.name) : null;
  const url = file ? fileSourceUrl(sha256Hex(file.bytes)) : offlineSourceUrl();
  return db.$transaction(async (tx) => {
    const existing = await tx.source.findUnique({ where: { url }, select: { id: true, mergedIntoId: true } });
    if (existing) return { id: existing.mergedIntoId ?? existing.id, url, isNew: false };
    const sha256 = file ? await storeBlob(tx, file.bytes, file.contentType) : null;
    const source = await tx.source.create({
      data: {
        url,
        title: data.title,
        type: data.type ?? (file ? "official document" : "interview"),
        author: data.author ?? null,
        publishedAt: data.publishedAt ?? null,
        notes: data.notes ?? null,
        accessedAt: new Date(),
        fileSha256: sha256,
        fileName,
      },
      select: { id: true },
    });
    await recordEvent(tx, actor, {
      action: file ? "source.upload" : "source.create",
      entityType: "source",
      entityId: source.id,
      after: { url, title: data.title, fileName, bytes: file?.bytes.byteLength ?? null },
    });
    return { id: source.id, url, isNew: true };
  });
}
