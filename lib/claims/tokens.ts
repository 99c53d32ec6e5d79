/** A word or punctuation mark of a sentence, with absolute offsets into the article. */
export type Token = { text: string; lower: string; start: number; end: number; isWord: boolean };

// Abbreviations with inner periods ("U.S.") stay one word; so do "M23's", "anti-personnel".
// A plural possessive keeps its apostrophe ("The United Nations' food agency").
const TOKEN = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:[’'.\-&/][\p{L}\p{N}]+)*(?:(?<=s)[’'](?![\p{L}\p{N}]))?|[^\s\p{L}\p{N}]/gu;

/** Splits text[start, end) into word and punctuation tokens with absolute offsets. */
export function tokenize(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(start, end);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m !== null; m = TOKEN.exec(slice)) {
    const t = m[0];
    const isWord = /^[\p{L}\p{N}]/u.test(t);
    tokens.push({ text: t, lower: t.toLowerCase(), start: start + m.index, end: start + m.index + t.length, isWord });
  }
  return tokens;
}

/** True when the word starts with a capital letter ("Russia", "M23" is not). */
export function isCapitalised(word: string): boolean {
  const ch = word[0] ?? "";
  return ch !== ch.toLowerCase();
}

/** Crude stem for comparing content words across sentences ("killed", "killing" → "kill"). */
export function stem(word: string): string {
  const w = word.toLowerCase().replace(/[’']s$/, "");
  if (w.length > 5 && w.endsWith("ing")) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith("ied")) return w.slice(0, -3) + "y";
  if (w.length > 4 && w.endsWith("ies")) return w.slice(0, -3) + "y";
  if (w.length > 4 && w.endsWith("ed")) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith("es")) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss")) return w.slice(0, -1);
  return w;
}

/**
 * Marks which tokens sit inside quotation marks, so quoted words are not taken as cues.
 * `open` carries a quotation left open by the previous sentence ("“We were taken up by
 * surprise. All our children got terrified,” the woman said.").
 */
export function quotedMask(tokens: Token[], open = false): { mask: boolean[]; open: boolean } {
  const mask: boolean[] = new Array<boolean>(tokens.length).fill(false);
  let inQuote = open;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.text;
    if (t === "“") inQuote = true;
    else if (t === "”") inQuote = false;
    // A straight quote opening a sentence reopens a quotation carried over from before.
    else if (t === "\"") inQuote = i === 0 && open ? true : !inQuote;
    else mask[i] = inQuote;
  }
  return { mask, open: inQuote };
}
