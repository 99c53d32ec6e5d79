import { apiRoute, otherMethods } from "@/lib/api/handler";
import { SNAPSHOT_CSP } from "@/lib/data/source-snapshots";
import { getBlobDownload } from "@/lib/data/source-blobs";

// GET: an uploaded document or a snapshot's bytes, always as a download (never shown inline).
export const GET = apiRoute<{ sha256: string }>(async ({ actor, params }) => {
  const file = await getBlobDownload(actor, params.sha256);
  return new Response(Buffer.from(file.bytes), {
    headers: {
      "content-type": file.contentType,
      "content-disposition": file.disposition,
      "content-length": String(file.size),
      "content-security-policy": SNAPSHOT_CSP,
      "cache-control": "private, no-store",
    },
  });
});

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
