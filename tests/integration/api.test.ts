import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/articles/route";
import { GET as articleRoute } from "@/app/api/v1/articles/[articleId]/route";
import { GET as reportRoute } from "@/app/api/v1/articles/[articleId]/report/route";
import { GET as claimRoute, PATCH as patchRoute } from "@/app/api/v1/claims/[claimId]/route";
import { POST as sourceRoute } from "@/app/api/v1/claims/[claimId]/sources/route";
import { setUserActive } from "@/lib/data/users";
import { revokeApiToken } from "@/lib/data/tokens";
import { SYSTEM_ACTOR } from "@/lib/auth/roles";
import { SAMPLE_TEXT, makePerson, makeTeam, type Person } from "@/tests/support/people";

let team: { admin: Person; editor: Person; reviewer: Person };
beforeAll(async () => {
  team = await makeTeam();
});

type Auth = { bearer?: string; cookie?: string } | null;

function request(method: string, path: string, auth: Auth, body?: unknown, raw?: { body: BodyInit; type: string }): Request {
  const headers = new Headers();
  if (auth?.bearer) headers.set("authorization", `Bearer ${auth.bearer}`);
  if (auth?.cookie) {
    // A browser sends its page's origin with every write.
    headers.set("cookie", auth.cookie);
    headers.set("origin", "http://localhost");
    headers.set("host", "localhost");
  }
  if (body !== undefined) headers.set("content-type", "application/json");
  if (raw) headers.set("content-type", raw.type);
  return new Request(`http://localhost${path}`, {
    method,
    headers,
    body: raw ? raw.body : body === undefined ? undefined : JSON.stringify(body),
  });
}

const ctx = <P>(params: P) => ({ params: Promise.resolve(params) });
const bearer = (p: Person): Auth => ({ bearer: p.token });

async function createArticle(p: Person = team.editor) {
  const res = await createRoute(request("POST", "/api/v1/articles", bearer(p), { title: "API article", text: SAMPLE_TEXT }), ctx({}));
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; claims: { id: string; start: number; end: number; text: string; version: number }[]; text: string };
}

describe("POST /api/v1/articles", () => {
  it("creates an article for an editor (token or session cookie) and returns its claims", async () => {
    const created = await createArticle();
    expect(created.claims).toHaveLength(4);
    expect(created).not.toHaveProperty("revisions");
    const c = created.claims[0]!;
    expect(Object.keys(c)).toEqual(expect.arrayContaining(["id", "start", "end", "text", "tag", "speaker", "cue", "note", "version"]));
    expect(created.text.slice(c.start, c.end)).toBe(c.text);

    const viaCookie = await createRoute(
      request("POST", "/api/v1/articles", { cookie: team.admin.cookie }, { title: "Cookie", text: "One. Two." }),
      ctx({}),
    );
    expect(viaCookie.status).toBe(201);
  });

  it("answers 401, 403, 400, 422 and 413 with JSON errors", async () => {
    const anon = await createRoute(request("POST", "/api/v1/articles", null, { title: "x", text: "y" }), ctx({}));
    expect(anon.status).toBe(401);
    expect(await anon.json()).toMatchObject({ error: { code: "unauthenticated" } });

    const badToken = await createRoute(request("POST", "/api/v1/articles", { bearer: "ct_nope" }, { title: "x", text: "y" }), ctx({}));
    expect(badToken.status).toBe(401);

    const reviewer = await createRoute(request("POST", "/api/v1/articles", bearer(team.reviewer), { title: "x", text: "y" }), ctx({}));
    expect(reviewer.status).toBe(403);
    expect(await reviewer.json()).toMatchObject({ error: { code: "forbidden" } });

    const invalid = await createRoute(request("POST", "/api/v1/articles", bearer(team.editor), { title: "", text: "" }), ctx({}));
    expect(invalid.status).toBe(422);
    const body = (await invalid.json()) as { error: { fields: Record<string, string[]> } };
    expect(body.error.fields.title).toEqual(["Title is required"]);
    expect(body.error.fields.text).toEqual(["Article text is empty"]);

    const notJson = await createRoute(
      request("POST", "/api/v1/articles", bearer(team.editor), undefined, { body: "{oops", type: "application/json" }),
      ctx({}),
    );
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { message: string } }).error.message).toMatch(/not valid JSON/);

    const badUtf8 = await createRoute(
      request("POST", "/api/v1/articles", bearer(team.editor), undefined, {
        body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
        type: "application/json",
      }),
      ctx({}),
    );
    expect(badUtf8.status).toBe(400);
    expect(((await badUtf8.json()) as { error: { message: string } }).error.message).toMatch(/UTF-8/);

    const huge = await createRoute(
      request("POST", "/api/v1/articles", bearer(team.editor), { title: "Huge", text: "a".repeat(3 * 1024 * 1024) }),
      ctx({}),
    );
    expect(huge.status).toBe(413);
    // A misspelt field is named, not silently dropped (the date would have been lost).
    const typo = await createRoute(request("POST", "/api/v1/articles", bearer(team.editor), { title: "Typo", text: "Hello.", publised_at: "2025-01-01" }), ctx({}));
    expect(typo.status).toBe(422);
    expect(await typo.json()).toMatchObject({ error: { message: 'Unknown field "publised_at": leave it out' } });
    expect(await db.article.count({ where: { title: { in: ["x", "", "Huge", "Typo"] } } })).toBe(0);
    // A NUL, which PostgreSQL cannot store, is taken out of a title rather than failing the import.
    const nul = await createRoute(request("POST", "/api/v1/articles", bearer(team.editor), { title: "Nul\u0000 title", text: "Hello." }), ctx({}));
    expect(nul.status).toBe(201);
    expect(await nul.json()).toMatchObject({ title: "Nul title" });
  });
});

describe("cross-site request checks", () => {
  it("refuses a cookie-authenticated write from another origin, but not a bearer-token one", async () => {
    const body = JSON.stringify({ title: "CSRF", text: "One. Two." });
    const evil = (auth: Record<string, string>) =>
      createRoute(
        new Request("http://localhost/api/v1/articles", {
          method: "POST",
          headers: { ...auth, origin: "https://evil.example", host: "localhost", "content-type": "application/json" },
          body,
        }),
        ctx({}),
      );
    const withCookie = await evil({ cookie: team.editor.cookie });
    expect(withCookie.status).toBe(403);
    expect(withCookie.headers.get("x-request-id")).toMatch(/^[\w-]{8,}$/);
    expect((await evil({ authorization: `Bearer ${team.editor.token}` })).status).toBe(201);
  });
});

describe("GET routes", () => {
  it("lets every role read articles, claims and reports, and refuses anonymous callers", async () => {
    const created = await createArticle();
    for (const p of [team.admin, team.editor, team.reviewer]) {
      const art = await articleRoute(request("GET", `/api/v1/articles/${created.id}`, bearer(p)), ctx({ articleId: created.id }));
      expect(art.status).toBe(200);
      expect(((await art.json()) as { claims: unknown[] }).claims).toHaveLength(4);
      const list = await listRoute(request("GET", "/api/v1/articles?q=API", bearer(p)), ctx({}));
      expect(list.status).toBe(200);
      const claim = await claimRoute(request("GET", `/api/v1/claims/${created.claims[0]!.id}`, bearer(p)), ctx({ claimId: created.claims[0]!.id }));
      expect(claim.status).toBe(200);
    }
    const anon = await articleRoute(request("GET", `/api/v1/articles/${created.id}`, null), ctx({ articleId: created.id }));
    expect(anon.status).toBe(401);
    const missing = await articleRoute(request("GET", "/api/v1/articles/nope", bearer(team.editor)), ctx({ articleId: "nope" }));
    expect(missing.status).toBe(404);
  });

  it("returns the report's counts, share and claims", async () => {
    const created = await createArticle();
    const claimId = created.claims[1]!.id;
    await patchRoute(request("PATCH", `/api/v1/claims/${claimId}`, bearer(team.editor), { tag: "disputed", version: 1 }), ctx({ claimId }));
    await sourceRoute(
      request("POST", `/api/v1/claims/${claimId}/sources`, bearer(team.editor), { url: "https://example.org/denial", relation: "refutes" }),
      ctx({ claimId }),
    );
    const res = await reportRoute(request("GET", `/api/v1/articles/${created.id}/report`, bearer(team.reviewer)), ctx({ articleId: created.id }));
    expect(res.status).toBe(200);
    const report = (await res.json()) as { article: { id: string }; counts: object; sourcedShare: number; claims: unknown[] };
    expect(report.article.id).toBe(created.id);
    expect(report.counts).toEqual({ stated: 0, disputed: 1, attributed: 0, untagged: 3 });
    expect(report.sourcedShare).toBe(0.25);
    expect(report.claims).toHaveLength(4);
  });
});

describe("PATCH /api/v1/claims/:id", () => {
  it("updates with the current version and answers 409 with the current claim on a stale one", async () => {
    const created = await createArticle();
    const claimId = created.claims[0]!.id;
    const ok = await patchRoute(
      request("PATCH", `/api/v1/claims/${claimId}`, bearer(team.editor), { tag: "attributed", speaker: "Reuters", cue: "according to", version: 1 }),
      ctx({ claimId }),
    );
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ id: claimId, tag: "attributed", speaker: "Reuters", version: 2 });

    const stale = await patchRoute(request("PATCH", `/api/v1/claims/${claimId}`, bearer(team.admin), { tag: "stated", version: 1 }), ctx({ claimId }));
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: { code: "conflict" }, claim: { tag: "attributed", version: 2 } });
  });

  it("refuses reviewers (403), unknown tags and missing versions (422)", async () => {
    const created = await createArticle();
    const claimId = created.claims[0]!.id;
    const reviewer = await patchRoute(request("PATCH", `/api/v1/claims/${claimId}`, bearer(team.reviewer), { tag: "stated", version: 1 }), ctx({ claimId }));
    expect(reviewer.status).toBe(403);
    const unknown = await patchRoute(request("PATCH", `/api/v1/claims/${claimId}`, bearer(team.editor), { tag: "rumour", version: 1 }), ctx({ claimId }));
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toMatchObject({ error: { fields: { tag: [expect.stringMatching(/Unknown tag/)] } } });
    const noVersion = await patchRoute(request("PATCH", `/api/v1/claims/${claimId}`, bearer(team.editor), { tag: "stated" }), ctx({ claimId }));
    expect(noVersion.status).toBe(422);
    const extra = await patchRoute(request("PATCH", `/api/v1/claims/${claimId}`, bearer(team.editor), { text: "rewritten", version: 1 }), ctx({ claimId }));
    expect(extra.status).toBe(422);
    const nothing = await patchRoute(request("PATCH", `/api/v1/claims/${claimId}`, bearer(team.editor), { version: 1 }), ctx({ claimId }));
    expect(nothing.status).toBe(422);
    expect(await nothing.json()).toMatchObject({ error: { message: "Nothing to change: send at least one field besides version" } });
    const wrongType = await patchRoute(request("PATCH", `/api/v1/claims/${claimId}`, bearer(team.editor), { tag: "stated", version: "1" }), ctx({ claimId }));
    expect(await wrongType.json()).toMatchObject({ error: { fields: { version: ["version must be a number"] } } });
    expect((await db.claim.findUniqueOrThrow({ where: { id: claimId } })).version).toBe(1);
  });

  it("clearing a tag clears who tagged it and when; the audit log keeps who cleared it", async () => {
    const created = await createArticle();
    const claimId = created.claims[0]!.id;
    const patch = (body: object) => patchRoute(request("PATCH", `/api/v1/claims/${claimId}`, bearer(team.editor), body), ctx({ claimId }));
    expect(await (await patch({ tag: "stated", version: 1 })).json()).toMatchObject({ tag: "stated", taggedBy: team.editor.actor.name });
    expect(await (await patch({ tag: null, version: 2 })).json()).toMatchObject({ tag: null, taggedBy: null, taggedAt: null, tagOrigin: null });
    const [last] = await db.auditEvent.findMany({ where: { entityId: claimId }, orderBy: [{ at: "desc" }, { id: "desc" }], take: 1 });
    expect([last!.actorId, last!.before, last!.after]).toEqual([team.editor.actor.id, '{"tag":"stated"}', '{"tag":null}']);
  });
});

describe("POST /api/v1/claims/:id/sources", () => {
  it("adds a source for editors and refuses reviewers and bad URLs", async () => {
    const created = await createArticle();
    const claimId = created.claims[2]!.id;
    const ok = await sourceRoute(
      request("POST", `/api/v1/claims/${claimId}/sources`, bearer(team.editor), {
        url: "https://example.org/statement",
        title: "Joint statement",
        relation: "origin",
        quote: "flexibility and freedom of choice",
      }),
      ctx({ claimId }),
    );
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ url: "https://example.org/statement", relation: "origin", title: "Joint statement" });
    const reviewer = await sourceRoute(
      request("POST", `/api/v1/claims/${claimId}/sources`, bearer(team.reviewer), { url: "https://example.org/x", relation: "context" }),
      ctx({ claimId }),
    );
    expect(reviewer.status).toBe(403);
    const js = await sourceRoute(
      request("POST", `/api/v1/claims/${claimId}/sources`, bearer(team.editor), { url: "javascript:alert(1)", relation: "context" }),
      ctx({ claimId }),
    );
    expect(js.status).toBe(422);
    expect(await db.claimSource.count({ where: { claimId } })).toBe(1);
  });
});

describe("token and session lifetime", () => {
  it("stops accepting a revoked token and a deactivated user's token and session", async () => {
    const person = await makePerson("editor");
    const ok = await listRoute(request("GET", "/api/v1/articles", bearer(person)), ctx({}));
    expect(ok.status).toBe(200);
    await setUserActive(SYSTEM_ACTOR, { userId: person.actor.id, isActive: false });
    expect((await listRoute(request("GET", "/api/v1/articles", bearer(person)), ctx({}))).status).toBe(401);
    expect((await listRoute(request("GET", "/api/v1/articles", { cookie: person.cookie }), ctx({}))).status).toBe(401);

    const other = await makePerson("reviewer");
    const tokenRow = await db.apiToken.findFirstOrThrow({ where: { userId: other.actor.id! } });
    await revokeApiToken(other.actor, tokenRow.id);
    expect((await listRoute(request("GET", "/api/v1/articles", bearer(other)), ctx({}))).status).toBe(401);
  });
});
