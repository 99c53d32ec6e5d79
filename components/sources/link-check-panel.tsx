"use client";

import { useCallback, useEffect, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { startLinkCheckAction } from "@/app/(app)/sources/actions";
import type { LinkCheckJobView } from "@/lib/data/source-check-job";

const POLL_MS = 1000;

/**
 * "Check all links": starts (or resumes) the link-check job and shows its progress. The
 * progress comes from the job in the database, polled while it runs, so it survives a
 * reload and shows work started from the command line too.
 */
export function LinkCheckPanel({ initialJob, canStart }: { initialJob: LinkCheckJobView | null; canStart: boolean }) {
  const router = useRouter();
  const [job, setJob] = useState(initialJob);
  const [message, setMessage] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const isActive = job !== null && (job.status === "queued" || job.status === "running") && !job.isPaused;

  const poll = useCallback(async () => {
    const res = await fetch("/api/v1/sources/check-all", { cache: "no-store" }).catch(() => null);
    if (!res?.ok) return;
    const body = (await res.json()) as { job: LinkCheckJobView | null };
    setJob((previous) => {
      // Refresh the table once when a run finishes, so the health column is current.
      if (previous && previous.status !== "done" && body.job?.status === "done") router.refresh();
      return body.job;
    });
  }, [router]);

  useEffect(() => {
    if (!isActive) return;
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => clearInterval(timer);
  }, [isActive, poll]);

  function start() {
    startTransition(async () => {
      const result = await startLinkCheckAction().catch(() => null);
      if (!result) setMessage("Could not reach the server; try again.");
      else if (!result.ok) setMessage(result.error.message);
      else {
        setMessage(null);
        // The run starts in the background; the first poll shows it working.
        setJob({ ...result.value, isPaused: false, status: "running" });
      }
    });
  }

  const isResumable = job !== null && job.status !== "done" && job.status !== "failed" && job.isPaused && job.done > 0;
  return (
    <section className="link-check" aria-labelledby="link-check-heading">
      <h2 id="link-check-heading" className="visually-hidden">
        Link check
      </h2>
      {canStart && (
        <button type="button" className="button" onClick={start} disabled={isPending || isActive}>
          {isResumable ? "Resume link check" : "Check all links"}
        </button>
      )}
      {job && (
        <div className="link-check-progress">
          <progress max={Math.max(job.total, 1)} value={job.done} aria-label="Links checked" />
          <span role="status" className="small">
            {describeJob(job)}
          </span>
        </div>
      )}
      {message && (
        <p role="alert" className="error small">
          {message}
        </p>
      )}
    </section>
  );
}

function describeJob(job: LinkCheckJobView): string {
  if (job.status === "done" && job.result) {
    const r = job.result;
    return `Checked ${job.total} links: ${r.ok} OK, ${r.redirected} redirected, ${r.gone} gone, ${r.unreachable} unreachable.`;
  }
  if (job.isPaused) return `Link check paused at ${job.done} of ${job.total}.`;
  return `Checking links: ${job.done} of ${job.total}…`;
}
