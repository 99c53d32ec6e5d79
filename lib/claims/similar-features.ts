import { stem } from "./tokens";

// Reading a claim for lib/claims/similar.ts: its content-word stems, its figures and dates,
// the names it mentions, and whether it is negated. Plain rules, no model: they are what a
// reviewer checks by eye ("14 or 41?", "Rwanda or Uganda?", "did or did not?").

/** A claim read once, to be compared with many. */
export type ClaimFeatures = {
  /** Content-word stems, without stop words, attribution verbs, negators and figures. */
  stems: Set<string>;
  /** Character trigrams of the sorted stems. */
  trigrams: Map<string, number>;
  /** Figures and dates, normalised: "1,400" → "1400", "forty minutes" → "40 minute", "Tuesday". */
  figures: Set<string>;
  /** Names: capitalised words (stemmed), and all-capital acronyms as written. */
  names: { key: string; acronym: boolean }[];
  /** Initials of the capitalised words in order, lower case, to expand acronyms against ("ap" in "The Associated Press"). */
  initials: string;
  isNegated: boolean;
};

const STOPWORDS = new Set(
  (
    "a an the and or but if then than so as of in on at to for from by with about into onto over under after before " +
    "between during since until up down out off again further once here there when where why how all any both each few " +
    "more most other some such only own same too very can will just should would could may might must shall do does did " +
    "doing done be is are was were been being have has had having i me my we our ours you your he him his she her it its " +
    "they them their theirs what which who whom this that these those am also " +
    // Attribution: "X says Y" and "Y, according to X" make the same claim.
    "say says said saying told tell tells according reported reports report added adds"
  ).split(/\s+/),
);

// Words that negate or deny what follows; "n't" is split off first ("didn't" → "did not").
// Not "decline" or "failing": in news they are mostly nouns and adjectives ("a decline in GDP").
const NEGATORS = new Set(
  (
    "not no never none nobody nothing neither nor without cannot " +
    "deny denies denied denying denial reject rejects rejected refuse refuses refused declined failed fails " +
    "unaware unable unwilling untrue unlikely incorrect incorrectly wrong wrongly false falsely"
  ).split(/\s+/),
);

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const MULTIPLIERS: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };
/** "Hundreds", "thousands": an order of magnitude, not a figure. */
const PLURAL_MULTIPLIERS: Record<string, string> = { dozens: "12s", hundreds: "100s", thousands: "1000s", millions: "1000000s" };
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };
/** Units that change what a figure means ("three days" is not "three weeks"), in one spelling. */
const UNITS: Record<string, string> = {
  second: "second", seconds: "second", minute: "minute", minutes: "minute", hour: "hour", hours: "hour",
  day: "day", days: "day", week: "week", weeks: "week", month: "month", months: "month", year: "year", years: "year",
  decade: "decade", decades: "decade", percent: "percent", km: "kilometer", kilometer: "kilometer", kilometers: "kilometer",
  kilometre: "kilometer", kilometres: "kilometer", mile: "mile", miles: "mile", meter: "meter", meters: "meter", metre: "meter", metres: "meter",
};
const DATES: Record<string, string> = Object.fromEntries(
  [
    ["monday", "mon"], ["tuesday", "tue"], ["wednesday", "wed"], ["thursday", "thu"], ["friday", "fri"], ["saturday", "sat"], ["sunday", "sun"],
    ["january", "jan"], ["february", "feb"], ["march", "mar"], ["april", "apr"], ["june", "jun"], ["july", "jul"], ["august", "aug"],
    ["september", "sep"], ["sept", "sep"], ["october", "oct"], ["november", "nov"], ["december", "dec"],
    ["jan", "jan"], ["feb", "feb"], ["apr", "apr"], ["jun", "jun"], ["jul", "jul"], ["aug", "aug"], ["sep", "sep"], ["oct", "oct"], ["nov", "nov"], ["dec", "dec"],
  ].map(([k, v]) => [k, `date:${v}`]),
);
const RELATIVE_TIMES = new Set(["week", "month", "year"]);

/** Capitalised words that are titles or sentence furniture, not names. */
const NOT_NAMES = new Set(["president", "minister", "spokesman", "spokeswoman", "spokesperson", "general", "colonel", "col", "mr", "ms", "mrs", "dr", "representative", "officials", "official"]);

const ALIASES: Record<string, string> = { "u.s": "us", "u.s.a": "us", usa: "us", america: "us", american: "us", americans: "us" };

const WORD = /\d+(?:[.,:]\d+)*|[\p{L}\p{N}]+(?:[.'][\p{L}\p{N}]+)*\.?/gu;

/** Reads a claim's stems, figures, names and negation, for comparing it with others. */
export function analyzeClaim(text: string): ClaimFeatures {
  const normalized = text
    .normalize("NFKC")
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/n't\b/gi, " not")
    .replace(/%/g, " percent")
    .replace(/\bUnited States\b/g, "US")
    // "Afghan-U.S.", "Chinese-run", "July-September": compare the parts.
    .replace(/(?<=[\p{L}\p{N}.])[-–](?=[\p{L}\p{N}])/gu, " ");
  const words = (normalized.match(WORD) ?? []).map((w) => w.replace(/\.$/, "").replace(/'s$/i, "").replace(/'$/, ""));
  const isTitle = isTitleCase(words);
  const stems = new Set<string>();
  const figures = new Set<string>();
  const names: ClaimFeatures["names"] = [];
  let initials = "";
  let isNegated = false;
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] ?? "";
    const lower = word.toLowerCase();
    if (/^\p{Lu}/u.test(word)) initials += lower[0] ?? "";
    if (NEGATORS.has(lower)) {
      isNegated = true;
      continue;
    }
    const figure = readFigure(words, i);
    if (figure) {
      figures.add(figure.value);
      i += figure.length - 1;
      continue;
    }
    if (STOPWORDS.has(lower)) continue;
    const key = normalizeStem(lower);
    stems.add(key);
    // Titles capitalise every word; elsewhere a capitalised word is a name, the first word
    // of the sentence included ("Reuters reported …", "China is trying …").
    if (!isTitle && /^\p{Lu}/u.test(word) && !NOT_NAMES.has(key) && !(i === 0 && isCommonOpener(lower))) {
      names.push({ key, acronym: /^\p{Lu}{2,6}$/u.test(word) });
    }
  }
  return { stems, trigrams: trigramsOf([...stems].sort().join(" ")), figures, names, initials, isNegated };
}

/** Reads a figure or date at words[i]: "1,400", "2.2 percent", "forty minutes", "a thousand", "fourth", "Tuesday", "last week". */
function readFigure(words: string[], i: number): { value: string; length: number } | null {
  const word = (words[i] ?? "").toLowerCase();
  const next = (words[i + 1] ?? "").toLowerCase();
  const date = DATES[word];
  if (date && /^\p{Lu}/u.test(words[i] ?? "")) return { value: date, length: 1 };
  if ((word === "last" || word === "next") && RELATIVE_TIMES.has(next)) return { value: `${word} ${next}`, length: 2 };
  const magnitude = PLURAL_MULTIPLIERS[word];
  if (magnitude) return { value: magnitude, length: 1 };
  const ordinal = ORDINALS[word];
  if (ordinal !== undefined) return { value: `${ordinal}th`, length: 1 };
  const number = readNumber(words, i);
  if (!number) return null;
  const unit = UNITS[(words[i + number.length] ?? "").toLowerCase()];
  return unit ? { value: `${number.value} ${unit}`, length: number.length + 1 } : number;
}

function readNumber(words: string[], i: number): { value: string; length: number } | null {
  const word = (words[i] ?? "").toLowerCase();
  if (/^\d/.test(word)) {
    // "1,400" and "1400" are one figure; "11:30" and "2.2" keep their separator.
    const value = word.replace(/,(?=\d{3}(?:\D|$))/g, "");
    const multiplier = MULTIPLIERS[(words[i + 1] ?? "").toLowerCase()];
    if (multiplier && /^\d+(?:\.\d+)?$/.test(value)) return { value: String(Number(value) * multiplier), length: 2 };
    return { value, length: 1 };
  }
  let total = 0;
  let current = 0;
  let length = 0;
  let j = i;
  // "a hundred", "a thousand": the article stands for one.
  if (word === "a" && MULTIPLIERS[(words[i + 1] ?? "").toLowerCase()]) {
    current = 1;
    length = 1;
    j += 1;
  }
  for (; j < words.length; j += 1) {
    const w = (words[j] ?? "").toLowerCase();
    const small = SMALL[w];
    const multiplier = MULTIPLIERS[w];
    if (small !== undefined) current += small;
    else if (multiplier !== undefined && length > 0) {
      current = (current || 1) * multiplier;
      if (multiplier >= 1000) {
        total += current;
        current = 0;
      }
    } else if (!(w === "and" && length > 0 && SMALL[(words[j + 1] ?? "").toLowerCase()] !== undefined)) break;
    length += 1;
  }
  if (length === 0) return null;
  return { value: String(total + current), length };
}

// Words that open a sentence with a capital without being names.
const OPENERS = new Set(
  "about around even still new meanwhile however otherwise later earlier initially already yet instead thus hence besides overall asked another many several most".split(" "),
);

function isCommonOpener(word: string): boolean {
  return OPENERS.has(word) || /(?:ing|ly|ed|wise)$/.test(word);
}

/** A headline capitalises its content words; a sentence dense with names still has lower-case ones. */
function isTitleCase(words: string[]): boolean {
  const content = words.filter((w) => w.length > 3 && /^\p{L}/u.test(w) && !STOPWORDS.has(w.toLowerCase()));
  return content.length >= 3 && content.filter((w) => !/^\p{Lu}/u.test(w)).length <= content.length * 0.1;
}

/** tokens.ts's stem, plus aliases ("U.S." → "us"), demonyms ("Russian" → "russia") and no final e. */
function normalizeStem(word: string): string {
  const alias = ALIASES[word];
  if (alias) return alias;
  let s = stem(word);
  if (/(?:ian|ean|yan)$/.test(s)) s = s.slice(0, -1);
  if (s.length > 3 && s.endsWith("e")) s = s.slice(0, -1);
  return s;
}

function trigramsOf(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const padded = ` ${text} `;
  for (let i = 0; i + 3 <= padded.length; i += 1) {
    const g = padded.slice(i, i + 3);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}
