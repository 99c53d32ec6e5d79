import { beforeAll, describe, expect, it } from "vitest";
import { importArticle } from "@/lib/data/articles";
import { updateClaim } from "@/lib/data/claims";
import { addSourceToClaim, removeSourceFromClaim } from "@/lib/data/sources";
import { GET as eventsRoute } from "@/app/api/v1/articles/[articleId]/events/route";
import { db } from "@/lib/db";
import { localSubscriberCount, publishArticleEvent } from "@/lib/realtime/bus";
import { env } from "@/lib/env";
import { getClaim } from "@/lib/data/claims";
import { SAMPLE_TEXT, makeTeam, type Person } from "@/tests/support/people";

let team: { admin: Person; editor: Person; reviewer: Person };
beforeAll(async () => {
  team = await makeTeam();
});

type Sse = { event: string; data: Record<string, unknown> };

/** Opens the article's event stream as a person and collects parsed events. */
async function open(p: Person, articleId: string) {
  const controller = new AbortController();
  const res = await eventsRoute(
    new Request(`http://localhost/api/v1/articles/${articleId}/events`, { headers: { authorization: `Bearer ${p.token}` }, signal: controller.signal }),
    { params: Promise.resolve({ articleId }) },
  );
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
  const events: Sse[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      for (let i = buffer.indexOf("\n\n"); i >= 0; i = buffer.indexOf("\n\n")) {
        const block = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        const event = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (event && data) events.push({ event, data: JSON.parse(data) as Record<string, unknown> });
      }
    }
  })();
  const waitFor = async (pred: (e: Sse) => boolean, ms = 2_000) => {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const hit = events.find(pred);
      if (hit) return hit;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no matching event within ${ms} ms; got ${events.map((e) => e.event).join(", ")}`);
  };
  return { events, waitFor, close: () => controller.abort() };
}

/** A new article, one of its claims, and a reviewer's stream on it that has connected. */
async function watchNewArticle(title: string, claimIndex: number) {
  const article = await importArticle(team.editor.actor, { title, text: SAMPLE_TEXT });
  const watcher = await open(team.reviewer, article.id);
  await watcher.waitFor((e) => e.event === "presence");
  return { article, claimId: article.claims[claimIndex]!.id, watcher };
}

describe("live updates over server-sent events", () => {
  it("pushes a colleague's change within 2 seconds and shows who is on the article", async () => {
    const article = await importArticle(team.editor.actor, { title: "Live", text: SAMPLE_TEXT });
    const watcher = await open(team.reviewer, article.id);
    await watcher.waitFor((e) => e.event === "presence");
    const other = await open(team.editor, article.id);
    const presence = await watcher.waitFor((e) => e.event === "presence" && (e.data.people as { name: string }[]).some((p) => p.name === team.editor.actor.name));
    expect((presence.data.people as { name: string }[]).map((p) => p.name)).toEqual(expect.arrayContaining([team.reviewer.actor.name, team.editor.actor.name]));

    const claimId = article.claims[1]!.id;
    const started = Date.now();
    await updateClaim(team.editor.actor, claimId, { tag: "disputed", version: 1 });
    const update = await watcher.waitFor((e) => e.event === "claims" && (e.data.claims as { id: string }[]).some((c) => c.id === claimId));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect((update.data.claims as { id: string; tag: string; version: number }[])[0]).toMatchObject({ id: claimId, tag: "disputed", version: 2 });
    expect(update.data.actorId).toBe(team.editor.actor.id);

    other.close();
    await watcher.waitFor((e) => e.event === "presence" && !(e.data.people as { name: string }[]).some((p) => p.name === team.editor.actor.name));
    watcher.close();
  });

  it("pushes a linked and an unlinked source to everyone on the article", async () => {
    const { claimId, watcher } = await watchNewArticle("Live sources", 2);
    const link = await addSourceToClaim(team.editor.actor, claimId, { url: "https://example.org/live-source", relation: "supports" });
    const added = await watcher.waitFor((e) => e.event === "claims" && (e.data.claims as { sources: { id: string }[] }[]).some((c) => c.sources.some((l) => l.id === link.id)));
    expect(added.data.actorId).toBe(team.editor.actor.id);
    await removeSourceFromClaim(team.editor.actor, link.id);
    await watcher.waitFor((e) => e.event === "claims" && (e.data.claims as { id: string; sources: unknown[] }[]).some((c) => c.id === claimId && c.sources.length === 0));
    watcher.close();
  });

  it("sends the writer's claim views with the event, and only the ids when they are too big for a notification", async () => {
    const { article, claimId, watcher } = await watchNewArticle("Big views", 3);
    const { articleId: _articleId, ...view } = await getClaim(team.editor.actor, claimId);
    const huge = { ...view, note: "n".repeat(10_000) };
    await publishArticleEvent(article.id, { type: "claims", claimIds: [claimId], removedIds: [], actorId: team.editor.actor.id, views: [huge] });
    const update = await watcher.waitFor((e) => e.event === "claims");
    const sent = (update.data.claims as { id: string; note: string | null }[])[0]!;
    expect(sent.id).toBe(claimId);
    // PostgreSQL's NOTIFY holds under 8,000 bytes: the stream loads the stored claim instead.
    expect(sent.note).toBe(env.databaseKind === "postgresql" ? null : huge.note);
    watcher.close();
  });

  it("leaves no subscription, heartbeat or presence behind when the client has hung up before the stream starts", async () => {
    const article = await importArticle(team.editor.actor, { title: "Hang up", text: SAMPLE_TEXT });
    const controller = new AbortController();
    controller.abort();
    const res = await eventsRoute(
      new Request(`http://localhost/api/v1/articles/${article.id}/events`, { headers: { authorization: `Bearer ${team.reviewer.token}` }, signal: controller.signal }),
      { params: Promise.resolve({ articleId: article.id }) },
    );
    expect(res.status).toBe(200);
    const until = Date.now() + 2_000;
    let presence = -1;
    while (Date.now() < until) {
      presence = await db.presence.count({ where: { articleId: article.id } });
      if (presence === 0 && localSubscriberCount(article.id) === 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(localSubscriberCount(article.id)).toBe(0);
    expect(presence).toBe(0);
  });

  it("refuses anonymous listeners and unknown articles", async () => {
    const res = await eventsRoute(new Request("http://localhost/api/v1/articles/x/events"), { params: Promise.resolve({ articleId: "x" }) });
    expect(res.status).toBe(401);
    const missing = await eventsRoute(new Request("http://localhost/api/v1/articles/nope/events", { headers: { authorization: `Bearer ${team.editor.token}` } }), {
      params: Promise.resolve({ articleId: "nope" }),
    });
    expect(missing.status).toBe(404);
  });
});
