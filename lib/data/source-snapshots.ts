import "server-only";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import { decodeHtmlBody, isHtmlContentType } from "@/lib/sources/decode-html";
import { sanitizeSnapshotHtml } from "@/lib/sources/snapshot";

/**
 * The Content-Security-Policy a snapshot page is served with: a sandbox without scripts
 * (an opaque origin, so even a sanitiser bug could not reach Claimtrack's cookies or
 * API), nothing loaded from anywhere, links opening outside the sandbox.
 */
export const SNAPSHOT_CSP =
  "sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A stored HTML snapshot as a page to read: the body sanitised with DOMPurify (no scripts,
 * handlers, frames, forms or styles; links made absolute), under a banner saying what it
 * is, where it came from and when. Serve it with SNAPSHOT_CSP.
 */
export async function getSnapshotPage(maybeActor: Actor | null, sourceId: string, snapshotId: string): Promise<string> {
  requirePermission(maybeActor, "sources:read");
  const snapshot = await db.sourceSnapshot.findFirst({
    where: { id: snapshotId, sourceId },
    select: { sha256: true, url: true, finalUrl: true, fetchedAt: true, httpStatus: true, contentType: true },
  });
  if (!snapshot) throw notFound("Snapshot");
  if (!isHtmlContentType(snapshot.contentType) && snapshot.contentType !== null) {
    throw new AppError("validation_failed", "This snapshot is not a web page; download it instead");
  }
  const blob = await db.blob.findUnique({ where: { sha256: snapshot.sha256 }, select: { data: true } });
  if (!blob) throw notFound("Snapshot");
  const html = decodeHtmlBody(new Uint8Array(blob.data), snapshot.contentType);
  const body = sanitizeSnapshotHtml(html, snapshot.finalUrl);
  const when = snapshot.fetchedAt.toISOString().replace("T", " ").slice(0, 16);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Snapshot: ${escapeHtml(snapshot.finalUrl)}</title>
<style>body{font:16px/1.5 Georgia,serif;max-width:46rem;margin:0 auto;padding:1rem;color:#1c1f24}
.snapshot-banner{font:14px/1.4 system-ui,sans-serif;background:#fdecc0;border:1px solid #a15c00;padding:.6rem .8rem;border-radius:6px;margin-bottom:1.5rem}</style>
</head><body><div class="snapshot-banner" role="note">Claimtrack snapshot of <strong>${escapeHtml(snapshot.finalUrl)}</strong>, fetched ${escapeHtml(when)} UTC (HTTP ${snapshot.httpStatus}). Sanitised: scripts, styles, forms and images removed.</div>
<main>${body}</main></body></html>`;
}
