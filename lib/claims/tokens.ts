/** A word or punctuation mark of a sentence, with absolute offsets into the article. */
export type Token = { text: string; lower: string; start: number; end: number; isWord: boolean };

// Abbreviations with inner periods ("U.S.") stay one word; so do "M23's", "anti-personnel".
const TOKEN = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:[’'.\-&/][\p{L}\p{N}]+)*(?:[’']s\b)?|[^\s\p{L}\p{N}]/gu;

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

/** Marks which tokens sit inside quotation marks, so quoted words are not taken as cues. */
export function quotedMask(tokens: Token[]): boolean[] {
  const mask: boolean[] = new Array<boolean>(tokens.length).fill(false);
  let inCurly = false;
  let inStraight = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.text;
    if (t === "“") inCurly = true;
    else if (t === "”") inCurly = false;
    else if (t === "\"") inStraight = !inStraight;
    else mask[i] = inCurly || inStraight;
  }
  return mask;
}
