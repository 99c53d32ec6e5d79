import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/data/audit";
import { sourceFetchOptions } from "@/lib/data/source-fetch";
import type { HealthView } from "@/lib/data/source-views";
import { requestWaybackSave } from "@/lib/sources/archive";
import { checkLink, type LinkHealth } from "@/lib/sources/link-health";
import { isNonWebSourceUrl } from "@/lib/sources/non-web";

/** Stores a link check's outcome on the source, with an audit event, and returns it as shown. */
export async function recordLinkHealth(actor: Actor, sourceId: string, health: LinkHealth): Promise<HealthView> {
  await db.$transaction(async (tx) => {
    await tx.source.update({
      where: { id: sourceId },
      data: {
        health: health.status,
        healthHttpStatus: health.httpStatus,
        healthFinalUrl: health.finalUrl,
        healthMessage: health.message,
        healthCheckedAt: health.checkedAt,
      },
    });
    await recordEvent(tx, actor, {
      action: "source.health",
      entityType: "source",
      entityId: sourceId,
      after: { health: health.status, httpStatus: health.httpStatus, message: health.message },
    });
  });
  return { ...health, checkedAt: health.checkedAt.toISOString() };
}

async function webSource(sourceId: string): Promise<{ id: string; url: string }> {
  const source = await db.source.findFirst({ where: { id: sourceId, mergedIntoId: null }, select: { id: true, url: true } });
  if (!source) throw notFound("Source");
  if (isNonWebSourceUrl(source.url))
    throw new AppError("validation_failed", "This source is not a web page: there is no link to check or archive");
  return source;
}

/** Checks one source's link now (ok, redirected, gone or unreachable) and records the result. */
export async function checkSourceLink(maybeActor: Actor | null, sourceId: string): Promise<HealthView> {
  const actor = requirePermission(maybeActor, "sources:write");
  const source = await webSource(sourceId);
  const health = await checkLink(source.url, sourceFetchOptions());
  return recordLinkHealth(actor, source.id, health);
}

/**
 * Asks the Wayback Machine to save the source's page and records the archive link. On a
 * machine that cannot reach it the FetchError (422) says so plainly and nothing changes.
 */
export async function archiveSource(
  maybeActor: Actor | null,
  sourceId: string,
): Promise<{ archiveUrl: string; archivedAt: string }> {
  const actor = requirePermission(maybeActor, "sources:write");
  const source = await webSource(sourceId);
  const { allowHosts } = sourceFetchOptions();
  const saved = await requestWaybackSave(source.url, { allowHosts, endpoint: env.WAYBACK_ENDPOINT.replace(/\/$/, "") });
  await db.$transaction(async (tx) => {
    await tx.source.update({ where: { id: source.id }, data: { archiveUrl: saved.archiveUrl, archivedAt: saved.archivedAt } });
    await recordEvent(tx, actor, {
      action: "source.archive",
      entityType: "source",
      entityId: source.id,
      after: { archiveUrl: saved.archiveUrl },
    });
  });
  return { archiveUrl: saved.archiveUrl, archivedAt: saved.archivedAt.toISOString() };
}
