import "server-only";
import { log } from "@/lib/log";

// Work a request starts and does not wait for (a link check over the whole library).
// Such work must be resumable on its own (see lib/data/source-check-job.ts), so stopping
// it is always safe: stopBackgroundWork() asks every task to stop at its next step and
// waits for it, on shutdown and before a test closes its database.

type Task = (signal: AbortSignal) => Promise<unknown>;
type State = { controller: AbortController; running: Set<Promise<void>> };
const state = ((globalThis as { claimtrackBackground?: State }).claimtrackBackground ??= {
  controller: new AbortController(),
  running: new Set(),
});

/** Starts the task without waiting for it; a failure is logged under the task's name. */
export function runInBackground(name: string, task: Task): void {
  const running: Promise<void> = task(state.controller.signal)
    .then(() => undefined)
    .catch((err: unknown) => log.error({ err, task: name }, "background task failed"))
    .finally(() => state.running.delete(running));
  state.running.add(running);
}

/** Stops every background task at its next step and waits until all have stopped. */
export async function stopBackgroundWork(): Promise<void> {
  state.controller.abort();
  await Promise.all([...state.running]);
  state.controller = new AbortController();
}
