/**
 * Word lists the sentence scanner consults when it meets a period. Kept apart from the
 * scanner so an editor can extend them without reading the state machine.
 *
 * Keys are lower case unless the set says otherwise. A word listed here only changes
 * the decision at a period; everywhere else it is ordinary text.
 */

/** Titles and prepositive abbreviations: the next word belongs to the same sentence. */
export const TITLES = new Set([
  "mr", "mrs", "ms", "mx", "messrs", "mmes", "dr", "prof", "gen", "col", "lt", "sgt",
  "capt", "cpl", "pvt", "maj", "adm", "cmdr", "brig", "gov", "sen", "rep", "reps",
  "rev", "hon", "pres", "supt", "insp", "det", "st", "mt", "ft", "msgr", "fr", "atty",
  "amb", "gens", "sens", "lieut", "cdr", "rt", "sra", "srta", "mme", "mlle",
]);

/**
 * Abbreviations that can also end a sentence (Co., Inc., etc., months): a boundary only
 * when the next word is a typical sentence opener.
 */
export const GENERAL = new Set([
  "inc", "ltd", "co", "corp", "llc", "plc", "bros", "jr", "sr", "etc", "vs", "approx",
  "dept",
  "est", "govt", "assn", "ave", "blvd", "rd", "univ", "intl", "natl", "mfg", "mgr",
  "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "cf", "ca",
  "al", "viz", "ibid", "dist", "div", "ed", "eds", "esp", "inst", "ext", "tel", "yr",
  "yrs", "mins", "hrs", "oz", "lb", "lbs", "sq", "km", "cm", "mm", "kg",
]);

/**
 * Capitalised-only abbreviations: US state forms that are also English words ("Miss.",
 * "Ill.", "Wash."). Matched case-sensitively so "a near miss." stays a sentence end.
 */
export const CAPITALISED = new Set([
  "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind",
  "Kan", "Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb",
  "Nev", "Okla", "Ore", "Pa", "Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
  "Mar",
]);

/** Abbreviations that precede a number ("p. 55", "No. 10"): no boundary before a digit. */
export const BEFORE_NUMBER = new Set([
  "p", "pp", "no", "nos", "vol", "vols", "fig", "figs", "art", "sec", "ch", "chap",
  "para", "op", "n°", "nº", "nr", "pt", "tab", "eq", "ref", "pg", "ex",
]);

/** Month and weekday names: after "a.m."/"p.m." they continue the sentence ("5 p.m. Tuesday"). */
export const CALENDAR_WORDS = new Set([
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
  "jul", "aug", "sep", "sept", "oct", "nov", "dec", "local", "gmt", "utc", "et", "pt",
  "est", "edt", "pst", "pdt", "cet", "bst",
]);

/**
 * Words that typically open an English sentence. After an ambiguous abbreviation
 * ("U.S.", "Co.", an initial) a following opener signals a boundary, while a following
 * proper noun ("U.S. Government", "E. Smith") does not.
 */
export const SENTENCE_OPENERS = new Set([
  "a", "an", "the", "this", "that", "these", "those", "there", "here", "it", "its",
  "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your",
  "but", "and", "or", "so", "yet", "nor", "however", "meanwhile", "still", "also",
  "then", "thus", "hence", "instead", "moreover", "furthermore", "nevertheless",
  "in", "on", "at", "as", "if", "when", "while", "after", "before", "since", "although",
  "though", "because", "during", "despite", "for", "from", "with", "without", "by",
  "of", "to", "under", "over", "about", "among", "between", "until", "unless", "once",
  "how", "what", "why", "where", "who", "whom", "whose", "which", "whether",
  "is", "are", "was", "were", "will", "would", "can", "could", "should", "shall",
  "may", "might", "must", "do", "does", "did", "has", "have", "had", "not", "no",
  "yes", "some", "many", "most", "all", "both", "each", "every", "few", "several",
  "one", "two", "three", "last", "next", "other", "another", "such", "only", "even",
  "now", "today", "yesterday", "tomorrow", "earlier", "later", "officials", "police",
  "critics", "analysts", "experts", "residents", "witnesses", "authorities",
]);
