import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { backupDatabase, restoreDatabase } from "@/lib/backup";
import { importArticle } from "@/lib/data/articles";
import { updateClaim } from "@/lib/data/claims";
import { addSourceToClaim } from "@/lib/data/sources";
import { otherDatabaseUrl, queryOther, runScript } from "@/tests/support/other-database";
import { SAMPLE_TEXT, makeTeam, type Person } from "@/tests/support/people";

let team: { admin: Person; editor: Person; reviewer: Person };
let articleIds: string[];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "claimtrack-backup-"));

beforeAll(async () => {
  team = await makeTeam();
  articleIds = [];
  for (const title of ["Backup one", "Backup two"]) {
    const a = await importArticle(team.editor.actor, { title, text: SAMPLE_TEXT, publisher: "Example", publishedAt: "2025-03-18" });
    articleIds.push(a.id);
    await updateClaim(team.editor.actor, a.claims[0]!.id, { tag: "stated", note: "checked “twice”", version: 1 });
    await updateClaim(team.editor.actor, a.claims[2]!.id, { acceptSuggestion: true, version: 1 });
    await addSourceToClaim(team.editor.actor, a.claims[0]!.id, { url: "https://example.org/s", title: "Source ✓", relation: "origin", quote: "q" });
  }
});

/** Each claim's version counts its updates: version - 1 == its update events. A torn copy breaks this. */
async function tornClaims(databaseUrl: string): Promise<number> {
  const rows = await queryOther<{ n: number | string }>(
    databaseUrl,
    `SELECT COUNT(*) AS n FROM "Claim" c WHERE c.version - 1 <> (SELECT COUNT(*) FROM "AuditEvent" e WHERE e."entityId" = c.id AND e.action LIKE 'claim.%')`,
  );
  return Number(rows[0]!.n);
}

describe("backup and restore", () => {
  it("backs up online while claims are being written, and the restored copy is consistent", async () => {
    const file = path.join(tmp, "online.backup");
    // A file already there, readable by all, is made private too.
    fs.writeFileSync(file, "");
    fs.chmodSync(file, 0o644);
    const claims = (await importArticle(team.editor.actor, { title: "Busy", text: SAMPLE_TEXT.repeat(20) })).claims;
    let writing = true;
    const writer = (async () => {
      let n = 0;
      while (writing) {
        // Yield to the event loop: SQLite calls resolve at once, and a tight loop of them
        // would starve the timers (and the backup's steps) of this same process.
        await new Promise((r) => setImmediate(r));
        const c = claims[n % claims.length]!;
        const current = n < claims.length ? 1 : Math.floor(n / claims.length) + 1;
        await updateClaim(team.editor.actor, c.id, { note: `write ${n}`, version: current });
        n++;
      }
      return n;
    })();
    await new Promise((r) => setTimeout(r, 300));
    await backupDatabase(process.env.DATABASE_URL!, file);
    writing = false;
    // It holds every password and token hash: only its owner may read it.
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(await writer).toBeGreaterThan(5);
    const target = await otherDatabaseUrl();
    restoreDatabase(target, file);
    expect(await tornClaims(target)).toBe(0);
    const restored = await queryOther<{ n: number | string }>(target, `SELECT COUNT(*) AS n FROM "Article"`);
    expect(Number(restored[0]!.n)).toBeGreaterThanOrEqual(3);
  });

  it("refuses to restore a file that is not a backup", () => {
    const junk = path.join(tmp, "junk.backup");
    fs.writeFileSync(junk, "not a database");
    const target = process.env.DATABASE_URL!.startsWith("file:") ? `file:${path.join(tmp, "never.db")}` : process.env.DATABASE_URL!;
    expect(() => restoreDatabase(target, junk)).toThrow();
    expect(() => restoreDatabase(target, path.join(tmp, "missing"))).toThrow(/No backup/);
  });
});

describe("full JSON export and import", () => {
  it("reproduces byte-identical reports in an empty database", { timeout: 180_000 }, async () => {
    const file = path.join(tmp, "everything.json");
    // Through the script (npm run export:all), which writes a file only its owner can read.
    expect(runScript("scripts/export-all.ts", ["--out", file], process.env.DATABASE_URL!)).toMatch(/Exported \d+ rows/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const here = runScript("tests/support/print-reports.ts", [], process.env.DATABASE_URL!);
    const target = await otherDatabaseUrl();
    expect(runScript("scripts/import-all.ts", [file], target)).toMatch(/Imported \d+ User/);
    const there = runScript("tests/support/print-reports.ts", [], target);
    expect(JSON.parse(here)).toHaveProperty(articleIds[0]!);
    expect(there).toBe(here);
    // And importing again is refused: the target is no longer empty.
    expect(() => runScript("scripts/import-all.ts", [file], target)).toThrow(/not empty/);
  });
});
