import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import pg from "pg";
import { findPostgresBin, startTestPostgres } from "../../scripts/postgres-server";
import { exited, freshEnv, startServer } from "../support/server";
import { SAMPLE } from "../support/import";

// Kill -9 the server while it imports a large article: afterwards the database holds the
// whole article (every claim) or nothing of it. Runs on SQLite, and on PostgreSQL when
// PostgreSQL is installed.

const paragraphs = SAMPLE.split("\n");
const BIG = Array.from({ length: 2400 }, (_, i) => `${paragraphs[i % paragraphs.length]} (Copy ${i}.)`).join("\n\n");

type Counts = { articles: number; claims: number; revisions: number; orphanClaims: number };

async function counts(env: Record<string, string>, title: string): Promise<Counts> {
  const sql = {
    articles: `SELECT COUNT(*) AS n FROM "Article" WHERE title = $1`,
    claims: `SELECT COUNT(*) AS n FROM "Claim" c JOIN "Article" a ON a.id = c."articleId" WHERE a.title = $1`,
    revisions: `SELECT COUNT(*) AS n FROM "ArticleRevision" r JOIN "Article" a ON a.id = r."articleId" WHERE a.title = $1`,
    orphanClaims: `SELECT COUNT(*) AS n FROM "Claim" c LEFT JOIN "Article" a ON a.id = c."articleId" WHERE a.id IS NULL AND $1 = $1`,
  };
  const out = {} as Counts;
  if (env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    for (const [k, q] of Object.entries(sql)) out[k as keyof Counts] = Number((await client.query(q, [title])).rows[0].n);
    await client.end();
  } else {
    const db = new Database(path.join(env.CLAIMTRACK_DATA_DIR!, "claimtrack.db"));
    for (const [k, q] of Object.entries(sql)) {
      const sqliteQuery = q.replaceAll("$1", "?");
      const params = Array<string>(sqliteQuery.split("?").length - 1).fill(title);
      out[k as keyof Counts] = Number((db.prepare(sqliteQuery).get(...params) as { n: number }).n);
    }
    db.close();
  }
  return out;
}

for (const kind of ["sqlite", "postgresql"] as const) {
  test(`SIGKILL during a large import leaves the whole article or nothing (${kind})`, async () => {
    test.skip(kind === "postgresql" && !findPostgresBin(), "PostgreSQL is not installed");
    test.setTimeout(240_000);
    const postgres = kind === "postgresql" ? await startTestPostgres() : null;
    try {
      const env = freshEnv(postgres?.url);
      let server = await startServer(env);
      const post = (title: string) =>
        fetch(`${server.url}/api/v1/articles`, {
          method: "POST",
          headers: { authorization: `Bearer ${server.token}`, "content-type": "application/json" },
          body: JSON.stringify({ title, text: BIG }),
        });

      // A complete import first: how many claims, and how long it takes.
      const started = Date.now();
      const full = await post("complete import");
      expect(full.status).toBe(201);
      const expectedClaims = ((await full.json()) as { claims: unknown[] }).claims.length;
      const duration = Date.now() - started;
      expect(expectedClaims).toBeGreaterThan(7000);

      const outcomes: string[] = [];
      for (const [i, share] of [0.15, 0.35, 0.55, 0.75].entries()) {
        const title = `killed import ${i}`;
        const request = post(title).catch(() => null);
        await new Promise((r) => setTimeout(r, Math.round(duration * share)));
        server.child.kill("SIGKILL");
        await exited(server.child);
        await request;
        const c = await counts(env, title);
        expect(c.orphanClaims).toBe(0);
        if (c.articles === 0) {
          expect([c.claims, c.revisions]).toEqual([0, 0]);
          outcomes.push("nothing");
        } else {
          expect(c).toMatchObject({ articles: 1, claims: expectedClaims, revisions: 1 });
          outcomes.push("whole");
        }
        server = await startServer(env, server.token);
      }
      // At least one kill must have landed before the commit, or the test proved nothing.
      expect(outcomes).toContain("nothing");
      server.child.kill("SIGKILL");
      await exited(server.child);
      fs.rmSync(env.CLAIMTRACK_DATA_DIR!, { recursive: true, force: true });
    } finally {
      postgres?.stop();
    }
  });
}
