import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importArticle } from "@/lib/data/articles";
import { SAMPLE_TEXT, makePerson, type Person } from "@/tests/support/people";

// Requests interleave: while one request's transaction waits between its statements,
// others run. They must neither see its uncommitted changes nor have their own writes
// swept into it (and rolled back with it).

let editor: Person;
beforeAll(async () => {
  editor = await makePerson("editor");
});

/** Runs a transaction that changes a title, then waits for `gate` and fails, so it rolls back. */
function failingTransaction(articleId: string, gate: Promise<void>) {
  let entered!: () => void;
  const isInside = new Promise<void>((resolve) => (entered = resolve));
  const done = db.$transaction(
    async (tx) => {
      await tx.article.update({ where: { id: articleId }, data: { title: "uncommitted" } });
      entered();
      await gate;
      throw new Error("rolled back on purpose");
    },
    { timeout: 10_000 },
  );
  return { isInside, done };
}

describe("isolation between interleaved requests", () => {
  it("a read never sees another transaction's uncommitted change", async () => {
    const article = await importArticle(editor.actor, { title: "Original", text: SAMPLE_TEXT });
    let release!: () => void;
    const tx = failingTransaction(article.id, new Promise((resolve) => (release = resolve)));
    await tx.isInside;
    const seen = await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { title: true } });
    release();
    await expect(tx.done).rejects.toThrow("rolled back on purpose");
    expect(seen.title).toBe("Original");
  });

  it("a write made while another transaction is open is kept when that transaction rolls back", async () => {
    const [a, b] = await Promise.all([
      importArticle(editor.actor, { title: "Rolled back", text: SAMPLE_TEXT }),
      importArticle(editor.actor, { title: "Before", text: SAMPLE_TEXT }),
    ]);
    let release!: () => void;
    const tx = failingTransaction(a.id, new Promise((resolve) => (release = resolve)));
    await tx.isInside;
    const write = db.article.update({ where: { id: b.id }, data: { title: "Kept" } });
    setTimeout(release, 50);
    await expect(tx.done).rejects.toThrow("rolled back on purpose");
    await write;
    const rows = await db.article.findMany({ where: { id: { in: [a.id, b.id] } }, select: { id: true, title: true } });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.title]))).toEqual({ [a.id]: "Rolled back", [b.id]: "Kept" });
  });
});
