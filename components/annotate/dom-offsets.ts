/**
 * Offsets in the article text from DOM positions. The text container's text content is
 * exactly the revision text (highlights wrap it; handles hold no text), so the length of
 * the range from the container's start to a point is that point's offset.
 */
export function offsetOf(container: HTMLElement, node: Node, offset: number): number | null {
  if (!container.contains(node)) return null;
  const range = document.createRange();
  range.setStart(container, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The current selection inside the container as [start, end) offsets, or null. */
export function selectionOffsets(container: HTMLElement): { start: number; end: number; isCollapsed: boolean; rect: DOMRect | null } | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  const a = offsetOf(container, range.startContainer, range.startOffset);
  const b = offsetOf(container, range.endContainer, range.endOffset);
  if (a === null || b === null) return null;
  return { start: Math.min(a, b), end: Math.max(a, b), isCollapsed: sel.isCollapsed, rect: sel.isCollapsed ? null : range.getBoundingClientRect() };
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** The text offset under a screen point (for dragging a boundary), or null outside the text. */
export function offsetAtPoint(container: HTMLElement, x: number, y: number): number | null {
  const doc = document as CaretDocument;
  const pos = doc.caretPositionFromPoint?.(x, y);
  if (pos) return offsetOf(container, pos.offsetNode, pos.offset);
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? offsetOf(container, range.startContainer, range.startOffset) : null;
}
