import { apiRoute, otherMethods } from "@/lib/api/handler";
import { getArticle } from "@/lib/data/articles";
import { claimViews } from "@/lib/data/claim-views";
import { leavePresence, listPresence, touchPresence } from "@/lib/data/presence";
import { subscribeArticle, type ArticleEvent } from "@/lib/realtime/bus";
import { log } from "@/lib/log";

// Server-sent events for an article: every change anyone makes (claims with their new
// state, presence, new revisions, review and comments), pushed as it commits, so open
// annotate pages update within a second without a reload. A heartbeat keeps the
// connection and the viewer's presence alive.
export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 20_000;

export const GET = apiRoute<{ articleId: string }>(async ({ request, actor, params }) => {
  const { articleId } = params;
  await getArticle(actor, articleId); // 404 and permission check before streaming
  const encoder = new TextEncoder();
  // The client may leave at any moment, even before the stream has subscribed: `closed`
  // is set once, and every step of start() checks it, so nothing outlives the request.
  let closed = false;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let unsubscribe = () => {};
  let closeStream = () => {};
  const cleanup = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    closeStream();
    void leavePresence(actor, articleId).catch(() => undefined);
  };
  if (request.signal.aborted) cleanup();
  else request.signal.addEventListener("abort", cleanup);
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      closeStream = () => {
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      const send = (event: string, data: unknown) => {
        if (!closed) controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
      };
      const onEvent = async (event: ArticleEvent) => {
        try {
          if (event.type === "claims") {
            const all = event.claimIds.includes("*");
            send("claims", {
              actorId: event.actorId,
              all,
              claims: all ? [] : (event.views ?? (await claimViews(actor, event.claimIds))),
              removedIds: event.removedIds,
            });
          } else if (event.type === "presence") {
            send("presence", { people: await listPresence(actor, articleId) });
          } else {
            send(event.type, event);
          }
        } catch (err) {
          log.warn({ err, articleId }, "live update could not be sent");
        }
      };
      const stop = await subscribeArticle(articleId, (e) => void onEvent(e));
      if (closed) return stop();
      unsubscribe = stop;
      heartbeat = setInterval(() => {
        send("ping", { at: Date.now() });
        void touchPresence(actor, articleId).catch(() => undefined);
      }, HEARTBEAT_MS);
      // Tell the browser to reconnect after 2 s if the connection drops.
      controller.enqueue(encoder.encode("retry: 2000\n\n"));
      await touchPresence(actor, articleId);
      if (closed) return leavePresence(actor, articleId);
      send("presence", { people: await listPresence(actor, articleId) });
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform keeps Next's compression from buffering the stream.
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
});

// The methods this route does not take: 405 with Allow (lib/api/handler.ts).
export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
