import type { Page } from "@playwright/test";

/**
 * Selects [start, end) of the article text (a caret when start === end) the way a mouse
 * does: a DOM selection over the text, then a mouseup on the text. With `{ mouse: false }`
 * there is no mouseup, as when a screen reader or a touch sets the selection.
 */
export async function selectText(page: Page, start: number, end = start, { mouse = true } = {}): Promise<void> {
  await page.evaluate(
    ([s, e, withMouse]) => {
      const container = document.querySelector<HTMLElement>('[aria-label="Article text"]')!;
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
      const point = (offset: number): [Node, number] => {
        let seen = 0;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const len = n.textContent?.length ?? 0;
          if (seen + len >= offset) return [n, offset - seen];
          seen += len;
        }
        throw new Error(`offset ${offset} is past the text`);
      };
      const [startNode, startOffset] = point(s);
      walker.currentNode = container;
      const [endNode, endOffset] = point(e);
      const range = document.createRange();
      range.setStart(startNode, startOffset);
      range.setEnd(endNode, endOffset);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      if (withMouse) container.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
    },
    [start, end, mouse] as const,
  );
}
