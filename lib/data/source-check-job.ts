import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { runInBackground } from "@/lib/background";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import { sourceFetchOptions } from "@/lib/data/source-fetch";
import { recordLinkHealth } from "@/lib/data/source-health";
import { checkLink } from "@/lib/sources/link-health";

// "Check all links" is a Job: its input lists the sources to check, and a source counts as
// done once its healthCheckedAt is later than the job's start. So a run that is stopped
// (Ctrl-C, a restart, a crash) loses nothing: the next run takes the job's lease and
// checks only what is left. The lease (renewed after every link) keeps two processes
// from working on one job; a lease that ran out means its process is gone.

const KIND = "sources.check";
const LEASE_MS = 60_000;
const jobInput = z.object({ sourceIds: z.array(z.string()) });
const jobResult = z.object({ ok: z.number(), redirected: z.number(), gone: z.number(), unreachable: z.number() });

/** A link-check job as the library page and the command line show it. */
export type LinkCheckJobView = {
  id: string;
  status: "queued" | "running" | "done" | "failed";
  total: number;
  done: number;
  /** Unfinished and nobody is working on it (stopped, or its process died): it can be resumed. */
  isPaused: boolean;
  startedAt: string;
  finishedAt: string | null;
  result: z.infer<typeof jobResult> | null;
  error: string | null;
};

type JobRow = {
  id: string;
  status: string;
  total: number;
  done: number;
  leaseUntil: Date | null;
  createdAt: Date;
  finishedAt: Date | null;
  result: string | null;
  error: string | null;
};
const jobSelect = {
  id: true,
  status: true,
  total: true,
  done: true,
  leaseUntil: true,
  createdAt: true,
  finishedAt: true,
  result: true,
  error: true,
} as const;

function toView(job: JobRow, now = new Date()): LinkCheckJobView {
  const isUnfinished = job.status === "queued" || job.status === "running";
  return {
    id: job.id,
    status: job.status as LinkCheckJobView["status"],
    total: job.total,
    done: job.done,
    isPaused: isUnfinished && (job.leaseUntil === null || job.leaseUntil < now),
    startedAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    result: job.result ? jobResult.parse(JSON.parse(job.result)) : null,
    error: job.error,
  };
}

/** The latest link-check job, finished or not, or null when links were never checked in bulk. */
export async function getLinkCheckJob(maybeActor: Actor | null): Promise<LinkCheckJobView | null> {
  requirePermission(maybeActor, "sources:read");
  const job = await db.job.findFirst({ where: { kind: KIND }, orderBy: { createdAt: "desc" }, select: jobSelect });
  return job ? toView(job) : null;
}

/**
 * Starts checking every web source's link, or returns the unfinished job to resume.
 * With `runInBackground` (the web page) the work starts in this process and the caller
 * polls getLinkCheckJob; the command line calls runLinkCheck itself.
 */
export async function startLinkCheck(
  maybeActor: Actor | null,
  options: { runInBackground?: boolean } = {},
): Promise<LinkCheckJobView> {
  const actor = requirePermission(maybeActor, "sources:write");
  const unfinished = await db.job.findFirst({
    where: { kind: KIND, status: { in: ["queued", "running"] } },
    orderBy: { createdAt: "desc" },
    select: jobSelect,
  });
  let job = unfinished;
  if (!job) {
    const sources = await db.source.findMany({
      where: { mergedIntoId: null, NOT: { url: { startsWith: "claimtrack:" } } },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    const sourceIds = sources.map((s) => s.id);
    job = await db.job.create({
      data: {
        kind: KIND,
        status: "queued",
        total: sourceIds.length,
        input: JSON.stringify({ sourceIds }),
        createdById: actor.id,
      },
      select: jobSelect,
    });
  }
  if (options.runInBackground && toView(job).isPaused) {
    const jobId = job.id;
    // Two at a time: the web server keeps answering editors while it works.
    runInBackground(`link check ${jobId}`, (signal) => runLinkCheck(actor, jobId, { concurrency: 2, signal }));
    // Running from now on, though its lease is taken a moment later.
    return { ...toView(job), isPaused: false };
  }
  return toView(job);
}

export type RunLinkCheckOptions = {
  /** Links checked at the same time; default 4. */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
  /** Stops taking new links; the job stays unfinished, to be resumed. */
  signal?: AbortSignal;
};

/**
 * Works on a link-check job until it is done or the signal stops it: takes the lease
 * (returns null when another process holds it, or the job is finished), checks the
 * sources not yet checked since the job began, at most `concurrency` at a time, and
 * records each result and the progress as it goes.
 */
export async function runLinkCheck(
  actor: Actor,
  jobId: string,
  options: RunLinkCheckOptions = {},
): Promise<LinkCheckJobView | null> {
  const now = new Date();
  const claimed = await db.job.updateMany({
    where: {
      id: jobId,
      kind: KIND,
      status: { in: ["queued", "running"] },
      OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
    },
    data: { status: "running", leaseUntil: new Date(now.getTime() + LEASE_MS) },
  });
  if (claimed.count === 0) return null;
  const job = await db.job.findUniqueOrThrow({ where: { id: jobId }, select: { ...jobSelect, input: true } });
  const { sourceIds } = jobInput.parse(JSON.parse(job.input ?? "{}"));
  try {
    const left = await uncheckedSince(sourceIds, job.createdAt);
    let done = job.total - left.length;
    await db.job.update({ where: { id: jobId }, data: { done } });
    options.onProgress?.(done, job.total);
    let next = 0;
    const worker = async () => {
      while (next < left.length && !options.signal?.aborted) {
        const source = left[next++] as { id: string; url: string };
        const health = await checkLink(source.url, sourceFetchOptions());
        await recordLinkHealth(actor, source.id, health);
        done += 1;
        await db.job.update({
          where: { id: jobId },
          data: { done: { increment: 1 }, leaseUntil: new Date(Date.now() + LEASE_MS) },
        });
        options.onProgress?.(done, job.total);
      }
    };
    const workers = Math.max(1, Math.min(Math.floor(options.concurrency ?? 4) || 1, left.length));
    await Promise.all(Array.from({ length: workers }, worker));
    if (options.signal?.aborted) {
      await db.job.update({ where: { id: jobId }, data: { leaseUntil: null } });
    } else {
      const result = await tally(sourceIds);
      await db.job.update({
        where: { id: jobId },
        data: { status: "done", done: job.total, leaseUntil: null, finishedAt: new Date(), result: JSON.stringify(result) },
      });
    }
  } catch (error) {
    // Unexpected (the database went away…): free the lease so the next run resumes here.
    await db.job
      .update({ where: { id: jobId }, data: { leaseUntil: null, error: error instanceof Error ? error.message : String(error) } })
      .catch(() => undefined);
    throw error;
  }
  return toView(await db.job.findUniqueOrThrow({ where: { id: jobId }, select: jobSelect }));
}

const CHUNK = 500;

/** The job's sources still live and not checked since it began, in the job's order. */
async function uncheckedSince(sourceIds: string[], since: Date): Promise<{ id: string; url: string }[]> {
  const left: { id: string; url: string }[] = [];
  for (let i = 0; i < sourceIds.length; i += CHUNK) {
    const rows = await db.source.findMany({
      where: {
        id: { in: sourceIds.slice(i, i + CHUNK) },
        mergedIntoId: null,
        OR: [{ healthCheckedAt: null }, { healthCheckedAt: { lt: since } }],
      },
      select: { id: true, url: true },
      orderBy: { id: "asc" },
    });
    left.push(...rows);
  }
  return left;
}

async function tally(sourceIds: string[]): Promise<z.infer<typeof jobResult>> {
  const result = { ok: 0, redirected: 0, gone: 0, unreachable: 0 };
  for (let i = 0; i < sourceIds.length; i += CHUNK) {
    const groups = await db.source.groupBy({
      by: ["health"],
      where: { id: { in: sourceIds.slice(i, i + CHUNK) } },
      _count: { _all: true },
    });
    for (const g of groups) if (g.health && g.health in result) result[g.health as keyof typeof result] += g._count._all;
  }
  return result;
}
