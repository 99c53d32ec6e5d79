import { beforeAll, describe, expect, it } from "vitest";
import { db, executeSql, queryRows, runsOnDriver, sqlText } from "@/lib/db";
import { env } from "@/lib/env";
import { importArticle } from "@/lib/data/articles";
import { makePerson, SAMPLE_TEXT, type Person } from "@/tests/support/people";

// queryRows and executeSql go straight through the driver (lib/direct-sql.ts), outside a
// transaction and inside one, on both databases. Callers must not be able to
// tell that from Prisma's own $queryRawUnsafe: same rows, same JavaScript types, same
// parameter handling, and inside a transaction the same transaction.

let editor: Person;
let articleId: string;
const bytes = new Uint8Array([0, 1, 2, 250, 255]);
const when = new Date("2025-03-18T09:30:15.123Z");

beforeAll(async () => {
  editor = await makePerson("editor");
  articleId = (await importArticle(editor.actor, { title: "Direct reads", text: SAMPLE_TEXT, publishedAt: "2025-03-18" })).id;
  await db.blob.create({ data: { sha256: "direct-sql-test", contentType: null, size: bytes.length, data: bytes, createdAt: when } });
  await db.claim.updateMany({ where: { articleId }, data: { suggestedConfidence: 0.75 } });
});

/** The same query through the driver (outside a transaction and inside one) and through Prisma. */
async function bothWays<T>(text: string, ...params: unknown[]): Promise<{ direct: T[]; prisma: T[] }> {
  const direct = await queryRows<T>(db, text, ...params);
  const inside = await db.$transaction((tx) => queryRows<T>(tx, text, ...params));
  expect(inside).toEqual(direct);
  const prisma = await db.$queryRawUnsafe<T[]>(sqlText(text), ...params);
  return { direct, prisma };
}

describe("direct reads", () => {
  it("return every column type as Prisma does: text, integers, floats, booleans, dates, nulls", async () => {
    const { direct, prisma } = await bothWays<Record<string, unknown>>(
      `SELECT c."id", c."start", c."end", c."tag", c."suggestedConfidence", c."createdAt", c."deletedAt", u."isActive", u."sessionEpoch"
       FROM "Claim" c JOIN "User" u ON u."id" = ? WHERE c."articleId" = ? ORDER BY c."start"`,
      editor.actor.id,
      articleId,
    );
    expect(direct).toHaveLength(4);
    expect(direct).toEqual(prisma);
    const first = direct[0]!;
    expect(typeof first.start).toBe("number");
    expect(first.suggestedConfidence).toBe(0.75);
    expect(first.createdAt).toBeInstanceOf(Date);
    expect(first.deletedAt).toBeNull();
    expect(first.isActive).toBe(true);
    expect(first.tag).toBeNull();
  });

  it("return COUNT(*) as a bigint and bytes as a Uint8Array", async () => {
    const counts = await bothWays<{ n: bigint }>(`SELECT COUNT(*) AS "n" FROM "Claim" WHERE "articleId" = ?`, articleId);
    expect(typeof counts.direct[0]!.n).toBe("bigint");
    expect(counts.direct).toEqual(counts.prisma);
    const blobs = await bothWays<{ data: Uint8Array; size: number; createdAt: Date }>(
      `SELECT "data", "size", "createdAt" FROM "Blob" WHERE "sha256" = ?`,
      "direct-sql-test",
    );
    expect(blobs.direct[0]!.data).toBeInstanceOf(Uint8Array);
    expect([...blobs.direct[0]!.data]).toEqual([...bytes]);
    expect(blobs.direct[0]!.createdAt.toISOString()).toBe(when.toISOString());
    expect(blobs.direct).toEqual(blobs.prisma);
  });

  it("take Date and boolean parameters as Prisma does", async () => {
    const before = new Date(when.getTime() + 1);
    const { direct, prisma } = await bothWays<{ sha256: string }>(
      `SELECT "sha256" FROM "Blob" WHERE "createdAt" < ? AND "createdAt" >= ? AND "sha256" = ?`,
      before,
      when,
      "direct-sql-test",
    );
    expect(direct).toEqual([{ sha256: "direct-sql-test" }]);
    expect(prisma).toEqual(direct);
    const active = await bothWays<{ id: string }>(`SELECT "id" FROM "User" WHERE "id" = ? AND "isActive" = ?`, editor.actor.id, true);
    expect(active.direct).toEqual([{ id: editor.actor.id }]);
    expect(active.prisma).toEqual(active.direct);
  });

  it("see committed writes at once, and still run a statement that writes", async () => {
    await db.article.update({ where: { id: articleId }, data: { title: "Renamed" } });
    const [row] = await queryRows<{ title: string }>(db, `SELECT "title" FROM "Article" WHERE "id" = ?`, articleId);
    expect(row!.title).toBe("Renamed");
    const changed = await queryRows<{ title: string }>(db, `UPDATE "Article" SET "title" = ? WHERE "id" = ? RETURNING "title"`, "Written", articleId);
    expect(changed).toEqual([{ title: "Written" }]);
    const after = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { title: true } });
    expect(after.title).toBe("Written");
  });

  it("report a bad statement as an error", async () => {
    await expect(queryRows(db, `SELECT "nope" FROM "Article"`)).rejects.toThrow(/nope/);
  });

  it("inside a transaction see its uncommitted writes, and lose them with it on a rollback", async () => {
    const [before] = await queryRows<{ title: string }>(db, `SELECT "title" FROM "Article" WHERE "id" = ?`, articleId);
    await expect(
      db.$transaction(async (tx) => {
        expect(await executeSql(tx, `UPDATE "Article" SET "title" = ? WHERE "id" = ?`, "Inside", articleId)).toBe(1);
        const seen = await queryRows<{ title: string }>(tx, `SELECT "title" FROM "Article" WHERE "id" = ?`, articleId);
        const byPrisma = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { title: true } });
        expect(seen).toEqual([{ title: "Inside" }]);
        expect(byPrisma.title).toBe("Inside");
        // Not visible outside the transaction until it commits.
        const outside = await queryRows<{ title: string }>(db, `SELECT "title" FROM "Article" WHERE "id" = ?`, articleId);
        expect(outside).toEqual([before]);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    const after = await queryRows<{ title: string }>(db, `SELECT "title" FROM "Article" WHERE "id" = ?`, articleId);
    expect(after).toEqual([before]);
  });

  it("inside many transactions at once run each statement in its own transaction", async () => {
    const articles = await queryRows<{ id: string; title: string }>(db, `SELECT "id", "title" FROM "Article" ORDER BY "id" LIMIT 1`);
    const target = articles[0]!;
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        db.$transaction(async (tx) => {
          expect(runsOnDriver(tx)).toBe(true);
          // The driver's statement and Prisma's own run on one connection, in one transaction.
          if (env.databaseKind === "postgresql") {
            const [direct] = await queryRows<{ pid: number; xid: string }>(tx, `SELECT pg_backend_pid() AS "pid", txid_current()::text AS "xid"`);
            const [prisma] = await tx.$queryRawUnsafe<{ pid: number; xid: string }[]>(`SELECT pg_backend_pid() AS "pid", txid_current()::text AS "xid"`);
            expect(direct).toEqual(prisma);
          }
          await executeSql(tx, `UPDATE "Article" SET "title" = ? WHERE "id" = ?`, `Writer ${i}`, target.id);
          await new Promise((resolve) => setTimeout(resolve, i % 3));
          const [seen] = await queryRows<{ title: string }>(tx, `SELECT "title" FROM "Article" WHERE "id" = ?`, target.id);
          if (i % 2 === 1) throw new Error(`roll back ${i}`);
          return seen!.title;
        }).catch((error: Error) => error.message),
      ),
    );
    // Each saw its own write; the rolled-back ones left nothing; the last commit stands.
    results.forEach((seen, i) => expect(seen).toBe(i % 2 === 1 ? `roll back ${i}` : `Writer ${i}`));
    const [after] = await queryRows<{ title: string }>(db, `SELECT "title" FROM "Article" WHERE "id" = ?`, target.id);
    expect(results.filter((r) => r.startsWith("Writer"))).toContain(after!.title);
  });

  it("refuse a statement once its transaction has timed out, and write nothing", async () => {
    const [before] = await queryRows<{ title: string }>(db, `SELECT "title" FROM "Article" WHERE "id" = ?`, articleId);
    let late: unknown = null;
    await expect(
      db.$transaction(
        async (tx) => {
          // Prisma rolls the transaction back after 100 ms while this callback still runs.
          await new Promise((resolve) => setTimeout(resolve, 400));
          late = await executeSql(tx, `UPDATE "Article" SET "title" = ? WHERE "id" = ?`, "Too late", articleId).catch((e: Error) => e);
        },
        { timeout: 100 },
      ),
    ).rejects.toThrow(/expired transaction/);
    expect(late).toBeInstanceOf(Error);
    expect((late as Error).message).toMatch(/transaction has ended/);
    const [after] = await queryRows<{ title: string }>(db, `SELECT "title" FROM "Article" WHERE "id" = ?`, articleId);
    expect(after).toEqual(before);
  });
});
