import { apiRoute, otherMethods } from "@/lib/api/handler";
import { SNAPSHOT_CSP, getSnapshotPage } from "@/lib/data/source-snapshots";

// GET: the snapshot as a sanitised page, sandboxed by its CSP (no scripts, opaque origin).
export const GET = apiRoute<{ sourceId: string; snapshotId: string }>(async ({ actor, params }) => {
  const html = await getSnapshotPage(actor, params.sourceId, params.snapshotId);
  return new Response(html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": SNAPSHOT_CSP,
      "cache-control": "private, no-store",
    },
  });
});

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
