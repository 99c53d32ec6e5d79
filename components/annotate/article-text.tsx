"use client";

import { Fragment, memo, useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
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
  const pieces = useMemo(() => overlayClaims(text.length, [...claims, ...marks]), [text.length, claims, marks]);
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

  const handle = (edge: "start" | "end") =>
    canEdit ? (
      <span
        key={`handle-${edge}`}
        className={`handle handle-${edge}${drag?.edge === edge ? " dragging" : ""}`}
        aria-hidden="true"
        title={edge === "start" ? "Drag to move the claim's start" : "Drag to move the claim's end"}
        onPointerDown={onPointerDown(edge)}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => setDrag(null)}
      />
    ) : null;

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
      {pieces.map((p) => {
        const claimIds = p.claimIds.filter((id) => !kinds.has(id));
        const evidence = p.claimIds.map((id) => kinds.get(id)).filter(Boolean);
        const slice = text.slice(p.start, p.end);
        const content = evidence.length > 0 ? <span className={evidence.map((k) => `ev-${k}`).join(" ")}>{slice}</span> : slice;
        const innermost = claimIds[claimIds.length - 1];
        const isSelected = selectedId !== null && claimIds.includes(selectedId);
        const inPreview = drag && selected && p.start >= (drag.edge === "start" ? drag.offset : selected.start) && p.end <= (drag.edge === "end" ? drag.offset : selected.end);
        const before = selected && p.start === selected.start ? handle("start") : null;
        const after = selected && p.end === selected.end ? handle("end") : null;
        const body =
          innermost === undefined ? (
            <span data-offset={p.start} className={inPreview ? "drag-preview" : undefined}>
              {content}
            </span>
          ) : (
            <mark
              data-offset={p.start}
              data-claim={innermost}
              className={`hl tag-${tags.get(innermost) ?? "none"}${isSelected ? " selected" : ""}${claimIds.length > 1 ? " overlap" : ""}${inPreview ? " drag-preview" : ""}`}
              onClick={() => {
                if (window.getSelection()?.isCollapsed !== false) onSelect(isSelected && selectedId ? selectedId : innermost);
              }}
            >
              {content}
            </mark>
          );
        return (
          <Fragment key={p.start}>
            {before}
            {body}
            {after}
          </Fragment>
        );
      })}
    </div>
  );
});
