"use client";

import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import { overlayClaims } from "@/lib/claims/overlay";
import type { ClaimView } from "@/lib/data/views";
import type { EvidenceMark } from "@/components/annotate/evidence-marks";
import { offsetAtPoint, selectionOffsets } from "@/components/annotate/dom-offsets";

export type TextSelection = { start: number; end: number; rect: DOMRect | null };

type Props = {
  text: string;
  claims: readonly Pick<ClaimView, "id" | "start" | "end" | "tag">[];
  marks: readonly EvidenceMark[];
  selectedId: string | null;
  canEdit: boolean;
  onSelect: (claimId: string) => void;
  /** A non-empty selection of text (to create a claim), or a caret (to split at), or null. */
  onSelection: (selection: TextSelection | null, caret: number | null) => void;
  /** A boundary handle of the selected claim was dragged to an offset. */
  onDragBoundary: (edge: "start" | "end", offset: number) => void;
};

/**
 * The article with each claim highlighted in its tag's colour and the suggested speakers
 * and cues marked inside. Overlapping or nested claims are cut into pieces; a piece shows
 * its innermost claim's colour and an underline when more than one claim covers it. The
 * selected claim gets two handles that an editor drags to move its boundaries.
 */
export const ArticleText = memo(function ArticleText(props: Props) {
  const { text, claims, marks, selectedId, canEdit, onSelect, onSelection, onDragBoundary } = props;
  const container = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ edge: "start" | "end"; offset: number } | null>(null);
  const tags = useMemo(() => new Map(claims.map((c) => [c.id, c.tag])), [claims]);
  const kinds = useMemo(() => new Map(marks.map((m) => [m.id, m.kind])), [marks]);
  // The pieces depend on where claims are, not on their tags: a tag leaves them (and the
  // blocks below) as they were.
  const spanKey = useMemo(() => claims.map((c) => `${c.id}:${c.start}:${c.end}`).join(","), [claims]);
  const spans = useRef(claims);
  spans.current = claims;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- spanKey (read through the ref) is what the pieces depend on
  const pieces = useMemo(() => overlayClaims(text.length, [...spans.current, ...marks]), [text.length, spanKey, marks]);
  const blocks = useMemo(() => toBlocks(pieces), [pieces]);
  // What each block shows of the tags: a block renders again only when its own change.
  const tagKeys = useMemo(() => blocks.map((b) => b.pieces.map((p) => tags.get(p.claimIds[p.claimIds.length - 1] ?? "") ?? "-").join()), [blocks, tags]);
  const selected = claims.find((c) => c.id === selectedId) ?? null;

  const onPointerDown = (edge: "start" | "end") => (e: ReactPointerEvent<HTMLSpanElement>) => {
    if (!canEdit || !selected) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ edge, offset: edge === "start" ? selected.start : selected.end });
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLSpanElement>) => {
    if (!drag || !container.current) return;
    const offset = offsetAtPoint(container.current, e.clientX, e.clientY);
    if (offset !== null && offset !== drag.offset) setDrag({ ...drag, offset });
  };
  const onPointerUp = () => {
    if (drag && selected && drag.offset !== (drag.edge === "start" ? selected.start : selected.end)) onDragBoundary(drag.edge, drag.offset);
    setDrag(null);
  };

  // The selection, reported when a mouse button is released over the text, and whenever
  // it changes otherwise: Shift+arrows, a screen reader's or a touch selection.
  const report = useRef(() => {});
  report.current = () => {
    if (!container.current || drag) return;
    const s = selectionOffsets(container.current);
    if (!s) return onSelection(null, null);
    onSelection(s.isCollapsed ? null : { start: s.start, end: s.end, rect: s.rect }, s.isCollapsed ? s.start : null);
  };
  const isPointerDown = useRef(false);
  useEffect(() => {
    const up = () => (isPointerDown.current = false);
    const changed = () => {
      const selection = document.getSelection();
      // A mouse drag changes the selection at every move; its mouseup reports the end.
      if (isPointerDown.current || !selection?.anchorNode || !container.current?.contains(selection.anchorNode)) return;
      report.current();
    };
    document.addEventListener("selectionchange", changed);
    // A touch long-press that starts a selection ends in pointercancel, not pointerup.
    window.addEventListener("pointerup", up);
    window.addEventListener("pointercancel", up);
    return () => {
      document.removeEventListener("selectionchange", changed);
      window.removeEventListener("pointerup", up);
      window.removeEventListener("pointercancel", up);
    };
  }, []);

  // The blocks call the newest onSelect through this, so that a handler made afresh by a
  // render does not make every block render again.
  const latestSelect = useRef(onSelect);
  latestSelect.current = onSelect;
  const select = useMemo(() => (id: string) => latestSelect.current(id), []);

  // The selected claim's two handles float over the text, placed where its first and last
  // pieces are drawn. Put in the text, they moved its words and made the browser lay out
  // the whole article again at every move from one claim to the next: on 9,000 claims,
  // most of a quarter second a key press.
  const [handleSpots, setHandleSpots] = useState<HandleSpots | null>(null);
  const selStart = selected?.start ?? -1;
  const selEnd = selected?.end ?? -1;
  useLayoutEffect(() => {
    const el = container.current;
    if (!el || !canEdit || selStart < 0) return setHandleSpots(null);
    const last = pieces.findLast((p) => p.end === selEnd);
    const place = () => {
      const first = el.querySelector(`[data-offset="${selStart}"]`)?.getClientRects()[0];
      const rects = last ? el.querySelector(`[data-offset="${last.start}"]`)?.getClientRects() : undefined;
      const end = rects?.[rects.length - 1];
      if (!first || !end) return setHandleSpots(null);
      const base = el.getBoundingClientRect();
      setHandleSpots({
        start: { x: first.left - base.left, y: first.top - base.top, height: first.height },
        end: { x: end.right - base.left, y: end.top - base.top, height: end.height },
      });
    };
    place();
    // The text wraps anew when its pane changes width.
    const resized = new ResizeObserver(place);
    resized.observe(el);
    return () => resized.disconnect();
  }, [pieces, selStart, selEnd, canEdit]);

  // What of the selection and the drag a block needs: only blocks they reach get it, so
  // moving from one claim to the next renders two blocks, not the whole article.
  const reach = selected
    ? {
        start: Math.min(selected.start, drag?.offset ?? selected.start),
        end: Math.max(selected.end, drag?.offset ?? selected.end),
      }
    : null;

  return (
    <div
      ref={container}
      className={`article-text${drag ? " is-dragging" : ""}`}
      aria-label="Article text"
      role="document"
      onPointerDown={() => (isPointerDown.current = true)}
      onMouseUp={() => {
        isPointerDown.current = false;
        report.current();
      }}
    >
      {blocks.map((block, i) => {
        const reached = reach !== null && block.start < reach.end && block.end > reach.start;
        return (
          <Block
            key={block.start}
            pieces={block.pieces}
            text={text}
            tags={tags}
            tagKey={tagKeys[i]!}
            kinds={kinds}
            selectedId={reached ? selectedId : null}
            selStart={reached ? selStart : -1}
            selEnd={reached ? selEnd : -1}
            dragEdge={reached ? (drag?.edge ?? null) : null}
            dragOffset={reached ? (drag?.offset ?? -1) : -1}
            select={select}
          />
        );
      })}
      {handleSpots &&
        (["start", "end"] as const).map((edge) => (
          <span
            key={`handle-${edge}`}
            className={`handle handle-${edge}${drag?.edge === edge ? " dragging" : ""}`}
            style={{ left: handleSpots[edge].x + (edge === "start" ? -5 : 1), top: handleSpots[edge].y, height: handleSpots[edge].height }}
            aria-hidden="true"
            title={edge === "start" ? "Drag to move the claim's start" : "Drag to move the claim's end"}
            onPointerDown={onPointerDown(edge)}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={() => setDrag(null)}
          />
        ))}
    </div>
  );
});

/** Pieces per block: the unit that renders again when the selection reaches it. */
const BLOCK_PIECES = 200;

type Piece = ReturnType<typeof overlayClaims>[number];
type HandleSpots = Record<"start" | "end", { x: number; y: number; height: number }>;

function toBlocks(pieces: readonly Piece[]): { start: number; end: number; pieces: Piece[] }[] {
  const blocks = [];
  for (let i = 0; i < pieces.length; i += BLOCK_PIECES) {
    const slice = pieces.slice(i, i + BLOCK_PIECES);
    blocks.push({ start: slice[0]!.start, end: slice[slice.length - 1]!.end, pieces: slice });
  }
  return blocks;
}

type BlockProps = {
  pieces: readonly Piece[];
  text: string;
  /** Read for the colours; `tagKey` says when the block's own ones changed. */
  tags: ReadonlyMap<string, string | null>;
  tagKey: string;
  kinds: ReadonlyMap<string, string>;
  selectedId: string | null;
  selStart: number;
  selEnd: number;
  dragEdge: "start" | "end" | null;
  dragOffset: number;
  select: (claimId: string) => void;
};

/** A run of pieces: marks for claims, and spans between them. */
const Block = memo(
  function Block({ pieces, text, tags, kinds, selectedId, selStart, selEnd, dragEdge, dragOffset, select }: BlockProps) {
    const hasSelection = selectedId !== null;
    return pieces.map((p) => {
      const claimIds = p.claimIds.filter((id) => !kinds.has(id));
      const evidence = p.claimIds.map((id) => kinds.get(id)).filter(Boolean);
      const slice = text.slice(p.start, p.end);
      const content = evidence.length > 0 ? <span className={evidence.map((k) => `ev-${k}`).join(" ")}>{slice}</span> : slice;
      const innermost = claimIds[claimIds.length - 1];
      const isSelected = hasSelection && claimIds.includes(selectedId);
      const inPreview =
        dragEdge !== null && hasSelection && p.start >= (dragEdge === "start" ? dragOffset : selStart) && p.end <= (dragEdge === "end" ? dragOffset : selEnd);
      const body =
        innermost === undefined ? (
          <span key={p.start} data-offset={p.start} className={inPreview ? "drag-preview" : undefined}>
            {content}
          </span>
        ) : (
          <mark
            key={p.start}
            data-offset={p.start}
            data-claim={innermost}
            className={`hl tag-${tags.get(innermost) ?? "none"}${isSelected ? " selected" : ""}${claimIds.length > 1 ? " overlap" : ""}${inPreview ? " drag-preview" : ""}`}
            onClick={() => {
              if (window.getSelection()?.isCollapsed !== false) select(isSelected && selectedId ? selectedId : innermost);
            }}
          >
            {content}
          </mark>
        );
      return body;
    });
  },
  // `tags` is a new map after any claim's tag changes; `tagKey` is the part this block shows.
  (a, b) =>
    a.pieces === b.pieces &&
    a.text === b.text &&
    a.tagKey === b.tagKey &&
    a.kinds === b.kinds &&
    a.selectedId === b.selectedId &&
    a.selStart === b.selStart &&
    a.selEnd === b.selEnd &&
    a.dragEdge === b.dragEdge &&
    a.dragOffset === b.dragOffset &&
    a.select === b.select,
);
