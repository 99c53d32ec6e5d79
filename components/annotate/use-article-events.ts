"use client";

import { useEffect, useRef } from "react";
import type { ClaimView } from "@/lib/data/views";
import type { PresenceView } from "@/lib/data/presence";

export type LiveHandlers = {
  onClaims: (update: { actorId: string | null; all: boolean; claims: ClaimView[]; removedIds: string[] }) => void;
  onPresence: (people: PresenceView[]) => void;
  onRevision: (event: { number: number; actorId: string | null }) => void;
  onOther?: (type: string, data: unknown) => void;
  onConnection?: (isConnected: boolean) => void;
};

/**
 * Listens to the article's server-sent events (GET /api/v1/articles/:id/events). The
 * browser reconnects by itself after a dropped connection; a reconnect reloads nothing
 * by itself, so onConnection lets the page refresh its claims then.
 */
export function useArticleEvents(articleId: string, handlers: LiveHandlers): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    const source = new EventSource(`/api/v1/articles/${articleId}/events`);
    const parse = (e: MessageEvent<string>) => JSON.parse(e.data) as unknown;
    source.addEventListener("open", () => ref.current.onConnection?.(true));
    source.addEventListener("error", () => ref.current.onConnection?.(false));
    source.addEventListener("claims", (e) => ref.current.onClaims(parse(e) as Parameters<LiveHandlers["onClaims"]>[0]));
    source.addEventListener("presence", (e) => ref.current.onPresence((parse(e) as { people: PresenceView[] }).people));
    source.addEventListener("revision", (e) => ref.current.onRevision(parse(e) as { number: number; actorId: string | null }));
    for (const type of ["review", "comments"]) source.addEventListener(type, (e) => ref.current.onOther?.(type, parse(e)));
    return () => source.close();
  }, [articleId]);
}
