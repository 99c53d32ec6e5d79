import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importArticle } from "@/lib/data/articles";
import { PATCH as patchRoute } from "@/app/api/v1/claims/[claimId]/route";
import { SAMPLE_TEXT, makePerson, type Person } from "@/tests/support/people";

let editor: Person;
beforeAll(async () => {
  editor = await makePerson("editor");
});

type Claim = { note: string | null; version: number };

function patch(claimId: string, body: unknown) {
  return patchRoute(
    new Request(`http://localhost/api/v1/claims/${claimId}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${editor.token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ claimId }) },
  );
}

describe("concurrent conflicting updates through the API", () => {
  it("50 writers of the same version: exactly one wins, 49 get 409 with the winner's value", async () => {
    const claim = (await importArticle(editor.actor, { title: "Race", text: SAMPLE_TEXT })).claims[0]!;
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => patch(claim.id, { note: `writer ${i}`, version: 1 })));
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as (Claim & { claim?: Claim })[];
    const winners = responses.map((r, i) => (r.status === 200 ? i : -1)).filter((i) => i >= 0);
    expect(winners).toHaveLength(1);
    const winner = bodies[winners[0]!]!;
    expect(winner).toMatchObject({ version: 2, note: `writer ${winners[0]}` });
    for (const [i, r] of responses.entries()) {
      if (i === winners[0]) continue;
      expect(r.status).toBe(409);
      expect(bodies[i]!.claim).toMatchObject({ version: 2, note: winner.note });
    }
    const row = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect([row.version, row.note]).toEqual([2, winner.note]);
  });

  it("50 writers that retry on 409 with the version they are given: every update lands, none is lost", { timeout: 180_000 }, async () => {
    const claim = (await importArticle(editor.actor, { title: "Retry race", text: SAMPLE_TEXT })).claims[0]!;
    const writer = async (i: number) => {
      let version = 1;
      for (let attempt = 0; attempt < 200; attempt++) {
        const res = await patch(claim.id, { note: `writer ${i}`, version });
        const body = (await res.json()) as Claim & { claim: Claim };
        if (res.status === 200) return body.version;
        expect(res.status).toBe(409);
        version = body.claim.version;
      }
      throw new Error(`writer ${i} never got through`);
    };
    const versions = await Promise.all(Array.from({ length: 50 }, (_, i) => writer(i)));
    // Each success produced a distinct version: 2..51.
    expect([...versions].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
    const events = await db.auditEvent.findMany({ where: { entityId: claim.id, action: "claim.update" }, orderBy: { at: "asc" } });
    expect(events).toHaveLength(50);
    // The history is one unbroken chain: each update's "before" is the previous "after".
    const notes = events.map((e) => [JSON.parse(e.before!).note, JSON.parse(e.after!).note] as [string | null, string]);
    const afters = new Set(notes.map(([, after]) => after));
    expect(afters.size).toBe(50);
    const befores = notes.map(([before]) => before);
    expect(befores.filter((b) => b === null)).toHaveLength(1);
    for (const b of befores) if (b !== null) expect(afters.has(b)).toBe(true);
    expect(new Set(befores).size).toBe(50);
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).version).toBe(51);
  });
});
