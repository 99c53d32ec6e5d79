import "server-only";
import { EventEmitter } from "node:events";
import pg from "pg";
import { env } from "@/lib/env";
import { db, queryRows } from "@/lib/db";
import { log } from "@/lib/log";
import type { ClaimView } from "@/lib/data/views";

/** What changed on an article; subscribers reload what they need. */
export type ArticleEvent =
  | {
      type: "claims";
      claimIds: string[];
      removedIds: string[];
      actorId: string | null;
      /** The claims' new views when the writer has them at hand, so no stream has to query them again; dropped when too big to send. */
      views?: ClaimView[];
    }
  | { type: "presence" }
  | { type: "revision"; number: number; actorId: string | null }
  | { type: "review"; actorId: string | null }
  | { type: "comments"; claimId: string | null; actorId: string | null };

type Envelope = { articleId: string; event: ArticleEvent };
type Listener = (event: ArticleEvent) => void;

// Live-update fan-out. With SQLite there is one server process, so an in-process emitter
// is enough. With PostgreSQL, Claimtrack may run as several instances behind a load
// balancer: every event goes through NOTIFY, and each instance LISTENs and hands what
// arrives to its own subscribers, so nothing another instance needs lives in memory.
const CHANNEL = "claimtrack_events";
const MAX_PAYLOAD = 7_500; // NOTIFY payloads must stay under 8,000 bytes

// One emitter and one LISTEN connection per process, kept on globalThis: Next.js bundles
// route handlers and server actions separately, each with its own copy of this module,
// and an update published from an action must reach a stream opened by a route.
type BusState = { local: EventEmitter; listener: Promise<pg.Client> | null; closing: boolean };
const state = ((globalThis as { claimtrackBus?: BusState }).claimtrackBus ??= { local: new EventEmitter().setMaxListeners(0), listener: null, closing: false });
const local = state.local;

function listen(): Promise<pg.Client> {
  state.listener ??= (async () => {
    const client = new pg.Client({ connectionString: env.databaseUrl });
    client.on("notification", (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      try {
        const { articleId, event } = JSON.parse(msg.payload) as Envelope;
        local.emit(articleId, event);
      } catch (err) {
        log.warn({ err }, "bad live-update payload");
      }
    });
    client.on("error", (err) => {
      if (state.closing) return;
      log.error({ err }, "live-update connection lost; reconnecting");
      state.listener = null;
      setTimeout(() => void listen().catch(() => undefined), 1_000);
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    return client;
  })();
  return state.listener;
}

/** Tells every instance's subscribers that an article changed. Call after the change commits. */
export async function publishArticleEvent(articleId: string, event: ArticleEvent): Promise<void> {
  if (env.databaseKind !== "postgresql") {
    local.emit(articleId, event);
    return;
  }
  let payload = JSON.stringify({ articleId, event } satisfies Envelope);
  if (payload.length > MAX_PAYLOAD && event.type === "claims") {
    // Too big for one notification: send the ids alone (each stream loads the views),
    // and if even those are too many, say "reload the claims".
    const { views: _views, ...idsOnly } = event;
    payload = JSON.stringify({ articleId, event: idsOnly } satisfies Envelope);
    if (payload.length > MAX_PAYLOAD) payload = JSON.stringify({ articleId, event: { ...idsOnly, claimIds: ["*"], removedIds: [] } } satisfies Envelope);
  }
  try {
    // On the pool, not on the LISTEN connection: one connection runs one statement at a
    // time, and under load every write of the process queued behind the others' NOTIFYs
    // (a tag took 1.3 s at the median with 50 editors; BENCHMARKS.md "Load", fourth
    // round). Streams may then see two events of one claim out of order; pages keep the
    // newest version (lib/claims/versions.ts).
    await queryRows(db, "SELECT pg_notify(?, ?)", CHANNEL, payload);
  } catch (err) {
    // A live update is a convenience: the change itself is committed.
    log.warn({ err, articleId }, "could not publish a live update");
  }
}

/** Calls the listener for every event of the article until the returned function is called. */
export async function subscribeArticle(articleId: string, onEvent: Listener): Promise<() => void> {
  if (env.databaseKind === "postgresql") await listen();
  local.on(articleId, onEvent);
  return () => local.off(articleId, onEvent);
}

/** How many streams in this process follow the article (for tests and diagnostics). */
export function localSubscriberCount(articleId: string): number {
  return local.listenerCount(articleId);
}

/** Ends this process's LISTEN connection without reconnecting (on shutdown, and before a test drops its database). */
export async function closeRealtime(): Promise<void> {
  const listener = state.listener;
  if (!listener) return;
  state.closing = true;
  state.listener = null;
  try {
    await (await listener).end();
  } catch {
    // it was never connected, or the connection is already gone
  } finally {
    state.closing = false;
  }
}
