import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { type Actor, requirePermission } from "@/lib/auth/roles";

// "Fetch details" keeps a snapshot of the page before the editor decides to link it; when
// the editor never does, the snapshot and its bytes stay behind with no source. This
// removes such snapshots once they are old enough that no editor is still deciding, then
// every stored blob nothing refers to any more (no snapshot, no uploaded source file, no
// article imported from a URL). Snapshots of pages an article was imported from stay.

const pruneSchema = z.object({
  olderThanHours: z.coerce
    .number({ error: "give a number of hours" })
    .int("give a whole number of hours")
    .min(1, "give at least 1 hour: a younger snapshot may still be linked")
    .max(24 * 365 * 10)
    .default(24),
});

export type PruneResult = { snapshots: number; blobs: number; bytes: number };

const CHUNK = 500; // SQLite allows at most a few thousand bound parameters per statement

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Deletes unlinked snapshots older than the cutoff and the blobs nothing refers to, in one transaction (admins only). */
export async function pruneUnusedSnapshots(maybeActor: Actor | null, input: unknown = {}): Promise<PruneResult> {
  requirePermission(maybeActor, "users:manage");
  const { olderThanHours } = parseInput(pruneSchema, input);
  const cutoff = new Date(Date.now() - olderThanHours * 3_600_000);
  return db.$transaction(
    async (tx) => {
      const articleShas = await articleSnapshotShas(tx);
      const stale = await tx.sourceSnapshot.findMany({
        where: { sourceId: null, fetchedAt: { lt: cutoff }, sha256: { notIn: [...articleShas] } },
        select: { id: true },
      });
      for (const ids of chunks(stale.map((s) => s.id))) await tx.sourceSnapshot.deleteMany({ where: { id: { in: ids } } });

      // Blobs stored before the cutoff (a younger one may belong to a write in progress).
      const candidates = await tx.blob.findMany({ where: { createdAt: { lt: cutoff } }, select: { sha256: true, size: true } });
      let blobs = 0;
      let bytes = 0;
      for (const group of chunks(candidates)) {
        const shas = group.map((b) => b.sha256);
        const [snapshots, files] = await Promise.all([
          tx.sourceSnapshot.findMany({ where: { sha256: { in: shas } }, select: { sha256: true }, distinct: ["sha256"] }),
          tx.source.findMany({ where: { fileSha256: { in: shas } }, select: { fileSha256: true } }),
        ]);
        const used = new Set<string>([...articleShas, ...snapshots.map((s) => s.sha256), ...files.map((f) => f.fileSha256 ?? "")]);
        const unused = group.filter((b) => !used.has(b.sha256));
        if (unused.length === 0) continue;
        await tx.blob.deleteMany({ where: { sha256: { in: unused.map((b) => b.sha256) } } });
        blobs += unused.length;
        bytes += unused.reduce((n, b) => n + b.size, 0);
      }
      return { snapshots: stale.length, blobs, bytes };
    },
    { timeout: 120_000 },
  );
}

async function articleSnapshotShas(tx: Tx): Promise<Set<string>> {
  const rows = await tx.article.findMany({ where: { snapshotSha256: { not: null } }, select: { snapshotSha256: true }, distinct: ["snapshotSha256"] });
  return new Set(rows.map((r) => r.snapshotSha256 ?? ""));
}
