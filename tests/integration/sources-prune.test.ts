import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/auth/roles";
import { fetchSourceDetails } from "@/lib/data/source-fetch";
import { importArticleFromUrl } from "@/lib/data/article-url-import";
import { addNonWebSource } from "@/lib/data/source-uploads";
import { addSourceToClaim } from "@/lib/data/sources";
import { pruneUnusedSnapshots } from "@/lib/data/source-prune";
import { sha256Hex } from "@/lib/data/source-blobs";
import { withFixtureWeb } from "@/tests/support/fixture-web";

const web = withFixtureWeb(1500);

const TWO_DAYS_AGO = new Date(Date.now() - 48 * 3_600_000);
const blobExists = async (sha256: string) => (await db.blob.count({ where: { sha256 } })) === 1;

describe("pruning snapshots no source was linked to", () => {
  it("removes old unlinked snapshots and unused bytes, and keeps linked ones, article pages and uploaded files", async () => {
    // Kept by a source: fetched, then linked.
    const article = await importArticleFromUrl(web.team.editor.actor, { url: `${web.server.origin}/pages/wire-jsonld-graph.html` });
    const linkedUrl = `${web.server.origin}/pages/og-only.html`;
    const linked = await fetchSourceDetails(web.team.editor.actor, { url: linkedUrl });
    await addSourceToClaim(web.team.editor.actor, article.claims[0]!.id, { url: linkedUrl, relation: "supports", snapshotId: linked.snapshotId });
    // Kept as an uploaded document.
    const bytes = new TextEncoder().encode("Minutes of the 12 March meeting.");
    await addNonWebSource(web.team.editor.actor, { title: "Minutes" }, { name: "minutes.txt", bytes, contentType: "text/plain" });
    // Abandoned: fetched with "Fetch details" and never saved.
    const abandoned = await fetchSourceDetails(web.team.editor.actor, { url: `${web.server.origin}/pages/gov-press-release.html` });
    const abandonedSha = (await db.sourceSnapshot.findUniqueOrThrow({ where: { id: abandoned.snapshotId } })).sha256;
    const articleSha = (await db.article.findUniqueOrThrow({ where: { id: article.id } })).snapshotSha256!;

    // Nothing is old enough yet.
    expect(await pruneUnusedSnapshots(SYSTEM_ACTOR)).toEqual({ snapshots: 0, blobs: 0, bytes: 0 });

    await db.sourceSnapshot.updateMany({ data: { fetchedAt: TWO_DAYS_AGO } });
    await db.blob.updateMany({ data: { createdAt: TWO_DAYS_AGO } });
    const abandonedSize = (await db.blob.findUniqueOrThrow({ where: { sha256: abandonedSha }, select: { size: true } })).size;
    // An editor is still deciding about this one: fetched a minute ago.
    const fresh = await fetchSourceDetails(web.team.editor.actor, { url: `${web.server.origin}/pages/report-landing.html` });

    const result = await pruneUnusedSnapshots(web.team.admin.actor, { olderThanHours: 24 });
    expect(result).toEqual({ snapshots: 1, blobs: 1, bytes: abandonedSize });
    expect(await db.sourceSnapshot.findUnique({ where: { id: abandoned.snapshotId } })).toBeNull();
    expect(await blobExists(abandonedSha)).toBe(false);
    expect(await db.sourceSnapshot.findUnique({ where: { id: linked.snapshotId } })).not.toBeNull();
    expect(await db.sourceSnapshot.findUnique({ where: { id: fresh.snapshotId } })).not.toBeNull();
    expect(await blobExists(articleSha)).toBe(true);
    expect(await blobExists(sha256Hex(bytes))).toBe(true);
    // The article's own page snapshot row stays, though no source holds it.
    expect(await db.sourceSnapshot.count({ where: { sha256: articleSha } })).toBeGreaterThan(0);

    expect(await pruneUnusedSnapshots(web.team.admin.actor, { olderThanHours: 24 })).toEqual({ snapshots: 0, blobs: 0, bytes: 0 });
  });

  it("is for admins only and refuses a cutoff under an hour", async () => {
    await expect(pruneUnusedSnapshots(web.team.editor.actor)).rejects.toMatchObject({ status: 403 });
    await expect(pruneUnusedSnapshots(null)).rejects.toMatchObject({ status: 401 });
    await expect(pruneUnusedSnapshots(web.team.admin.actor, { olderThanHours: 0 })).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(/olderThanHours: give at least 1 hour/),
    });
    await expect(pruneUnusedSnapshots(web.team.admin.actor, { olderThanHours: "soon" })).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(/olderThanHours: give a number of hours/),
    });
  });
});
