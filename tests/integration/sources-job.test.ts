import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/auth/roles";
import { getLinkCheckJob, runLinkCheck, startLinkCheck } from "@/lib/data/source-check-job";
import { withFixtureWeb } from "@/tests/support/fixture-web";
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const web = withFixtureWeb(2000);

async function addSources(paths: string[]) {
  for (const p of paths) await db.source.create({ data: { url: `${web.server.origin}${p}`, domain: "127.0.0.1" } });
}

describe("checking every link as a resumable job", () => {
  it("records progress, stops part way, and a second run checks only what is left", async () => {
    const paths = Array.from({ length: 12 }, (_, i) => (i % 4 === 3 ? `/status/404?n=${i}` : `/ok?n=${i}`));
    await addSources(paths);
    await db.source.create({ data: { url: "claimtrack:offline/11111111-1111-4111-8111-111111111111", title: "Interview" } });
    await expect(startLinkCheck(web.team.reviewer.actor)).rejects.toMatchObject({ status: 403 });

    const job = await startLinkCheck(web.team.editor.actor);
    expect(job).toMatchObject({ status: "queued", total: 12, done: 0, isPaused: true });
    // Starting again before it ran returns the same unfinished job.
    expect((await startLinkCheck(web.team.admin.actor)).id).toBe(job.id);

    const stop = new AbortController();
    const seen: number[] = [];
    const first = await runLinkCheck(web.team.editor.actor, job.id, {
      concurrency: 2,
      signal: stop.signal,
      onProgress: (done) => {
        seen.push(done);
        if (done >= 5) stop.abort();
      },
    });
    expect(first).toMatchObject({ status: "running", isPaused: true });
    const paused = (await getLinkCheckJob(web.team.reviewer.actor))!;
    expect(paused.done).toBeGreaterThanOrEqual(5);
    expect(paused.done).toBeLessThan(12);
    const checkedFirst = await db.source.count({ where: { url: { startsWith: web.server.origin }, healthCheckedAt: { not: null } } });
    expect(checkedFirst).toBe(paused.done);

    const requestsBefore = web.server.requests.length;
    const second = await runLinkCheck(SYSTEM_ACTOR, job.id, { concurrency: 3 });
    expect(second).toMatchObject({
      status: "done",
      done: 12,
      total: 12,
      isPaused: false,
      result: { ok: 9, gone: 3, redirected: 0, unreachable: 0 },
    });
    // Only the sources left over were fetched again (one HEAD each).
    expect(web.server.requests.length - requestsBefore).toBe(12 - paused.done);
    // A finished job is not run again; the next start makes a new one.
    expect(await runLinkCheck(SYSTEM_ACTOR, job.id)).toBeNull();
    const next = await startLinkCheck(web.team.editor.actor);
    expect(next.id).not.toBe(job.id);
    expect(await db.source.count({ where: { health: "gone" } })).toBe(3);
  });

  it("says a job started in the background is running, not paused, and finishes it", async () => {
    const started = await startLinkCheck(web.team.editor.actor, { runInBackground: true });
    expect(started).toMatchObject({ isPaused: false });
    await expect.poll(async () => (await getLinkCheckJob(web.team.editor.actor))!.status, { timeout: 20_000 }).toBe("done");
  });

  it("lets only one process hold a job's lease", async () => {
    const job = (await getLinkCheckJob(web.team.editor.actor))!;
    await db.job.update({ where: { id: job.id }, data: { status: "running", leaseUntil: new Date(Date.now() + 60_000) } });
    expect(await runLinkCheck(SYSTEM_ACTOR, job.id)).toBeNull();
    expect((await getLinkCheckJob(web.team.editor.actor))!.isPaused).toBe(false);
    await db.job.update({ where: { id: job.id }, data: { leaseUntil: new Date(Date.now() - 1000) } });
    expect((await getLinkCheckJob(web.team.editor.actor))!.isPaused).toBe(true);
  });

  it("runs from the command line: npm run sources:check resumes the unfinished job", async () => {
    const job = (await getLinkCheckJob(web.team.editor.actor))!;
    // Asynchronously: the fixture server lives in this process and must keep answering.
    const tsx = path.join(import.meta.dirname, "..", "..", "node_modules", ".bin", "tsx");
    const { stdout: out } = await promisify(execFile)(
      tsx,
      ["--conditions=react-server", "scripts/sources-check.ts", "--concurrency", "2"],
      {
        env: { ...process.env, LOG_LEVEL: "warn" },
      },
    );
    expect(out).toMatch(new RegExp(`Resuming link check ${job.id}`));
    expect(out).toMatch(/12\/12 checked: 9 ok, 0 redirected, 3 gone, 0 unreachable/);
    expect(await getLinkCheckJob(web.team.editor.actor)).toMatchObject({ id: job.id, status: "done" });
  });
});
