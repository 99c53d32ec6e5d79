/**
 * Numbered and lettered lists written on one line ("1.) first 2.) second",
 * "a. first b. second", "• 9. first • 10. second"). Their items often end without a
 * period, so the only boundary signal is the next marker in sequence.
 */

/** A list marker found in a line: the item starts at `start`; its text after `end`. */
export type ListMarker = { start: number; end: number };

const BULLETS = "•⁃‣◦▪*-–";
// A marker at the start of a line: optional bullet, then "1." / "1.)" / "1)" / "a." / "a)".
const LEAD = /[ \t]*([•⁃‣◦▪*\-–][ \t]*)?(\d{1,3}|[a-z])(\.\)|\.|\))(?=[ \t])/y;

function nextLabel(label: string): string {
  const n = Number(label);
  if (Number.isInteger(n)) return String(n + 1);
  return String.fromCharCode(label.charCodeAt(0) + 1);
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/**
 * Finds the list markers of the line [lineStart, lineEnd): the leading one, then each
 * next one in sequence. Empty when the line does not open with a marker.
 */
export function findListMarkers(text: string, lineStart: number, lineEnd: number): ListMarker[] {
  LEAD.lastIndex = lineStart;
  const lead = LEAD.exec(text);
  if (lead === null || lead.index + lead[0].length > lineEnd) return [];
  const bullet = lead[1]?.trim() ?? "";
  const style = lead[3] ?? ".";
  let label = lead[2] ?? "1";
  const markers: ListMarker[] = [{ start: lineStart, end: lead.index + lead[0].length }];
  let from = lead.index + lead[0].length;
  for (;;) {
    label = nextLabel(label);
    const token = label + style;
    let found = -1;
    for (let at = text.indexOf(token, from); at !== -1 && at < lineEnd; at = text.indexOf(token, at + 1)) {
      const after = text.charCodeAt(at + token.length);
      if (at + token.length < lineEnd && !isBlank(after)) continue;
      const before = text[at - 1] ?? "";
      if (before === " " || before === "\t" || (bullet !== "" && BULLETS.includes(before))) {
        found = at;
        break;
      }
    }
    if (found === -1) return markers;
    // The item starts at its bullet when the list has one ("• 10."), else at the label.
    let start = found;
    let k = found - 1;
    while (k > from && isBlank(text.charCodeAt(k))) k--;
    if (bullet !== "" && text[k] === bullet) start = k;
    markers.push({ start, end: found + token.length });
    from = found + token.length;
  }
}
