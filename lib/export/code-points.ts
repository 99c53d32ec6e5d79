// Claimtrack stores offsets as JavaScript string indices (UTF-16 code units); the W3C
// TextPositionSelector counts Unicode code points. They differ by one for every character
// outside the Basic Multilingual Plane (most emoji, some CJK) that comes before the offset.

/**
 * Converts UTF-16 code unit offsets of a text into code point offsets, in one pass over
 * the text (an article may have thousands of claims). An offset that falls inside a
 * surrogate pair counts that pair as before it.
 */
export function toCodePointOffsets(text: string, offsets: readonly number[]): number[] {
  const order = offsets.map((_, i) => i).sort((a, b) => (offsets[a] ?? 0) - (offsets[b] ?? 0));
  const result = new Array<number>(offsets.length).fill(0);
  let unit = 0;
  let codePoints = 0;
  for (const i of order) {
    const target = Math.min(Math.max(offsets[i] ?? 0, 0), text.length);
    while (unit < target) {
      const code = text.charCodeAt(unit);
      const isPair = code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(unit + 1));
      unit += isPair ? 2 : 1;
      codePoints += 1;
    }
    result[i] = codePoints;
  }
  return result;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
