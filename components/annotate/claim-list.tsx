"use client";

import { useEffect, useRef } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { ClaimView } from "@/lib/data/views";
import { ClaimItem, type ClaimHandlers, type Conflict, type SaveState } from "@/components/annotate/claim-item";

/** Above this many claims only the visible ones are rendered. */
export const VIRTUALIZE_ABOVE = 40;

type Props = {
  claims: ClaimView[];
  selectedId: string | null;
  canEdit: boolean;
  /** Approved: read-only for everyone until a reviewer reopens it, verdicts included. */
  isApproved: boolean;
  caret: number | null;
  historyFor: string | null;
  saveStates: Record<string, SaveState>;
  conflicts: Record<string, Conflict>;
  handlers: ClaimHandlers;
};

const IDLE: SaveState = { kind: "idle" };

/**
 * The list of claims in text order. Long articles (thousands of claims) render only the
 * items in view, measured as they appear; aria-setsize and aria-posinset on each item
 * tell screen readers where they are in the whole list.
 */
export function ClaimList(props: Props) {
  const { claims, selectedId } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const isVirtual = claims.length > VIRTUALIZE_ABOVE;
  // The React Compiler is not enabled here, so nothing memoizes the virtualizer's functions.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: isVirtual ? claims.length : 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => 220,
    overscan: 6,
    getItemKey: (i) => claims[i]?.id ?? i,
  });

  // Keep the selected claim in view when it changes (keyboard navigation, clicks in the text).
  const selectedIndex = selectedId ? claims.findIndex((c) => c.id === selectedId) : -1;
  useEffect(() => {
    if (isVirtual && selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: "auto" });
  }, [isVirtual, selectedIndex, virtualizer]);

  const item = (claim: ClaimView, index: number, extra: { style?: React.CSSProperties; measureRef?: (el: HTMLLIElement | null) => void } = {}) => (
    <ClaimItem
      key={claim.id}
      claim={claim}
      index={index}
      total={claims.length}
      isSelected={claim.id === selectedId}
      canEdit={props.canEdit}
      isApproved={props.isApproved}
      hasNext={index + 1 < claims.length}
      caret={claim.id === selectedId ? props.caret : null}
      isHistoryOpen={props.historyFor === claim.id}
      saveState={props.saveStates[claim.id] ?? IDLE}
      conflict={props.conflicts[claim.id]}
      handlers={props.handlers}
      {...extra}
    />
  );

  return (
    <div ref={scroller} className="claims-scroller">
      {isVirtual ? (
        <ol className="claim-list virtual" aria-label="Claims" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((v) =>
            item(claims[v.index]!, v.index, {
              style: { position: "absolute", top: 0, left: 0, right: 0, transform: `translateY(${v.start}px)` },
              measureRef: virtualizer.measureElement,
            }),
          )}
        </ol>
      ) : (
        <ol className="claim-list" aria-label="Claims">
          {claims.map((c, i) => item(c, i))}
        </ol>
      )}
    </div>
  );
}
