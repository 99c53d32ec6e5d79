// Plain TypeScript, so the report (lib/data/report.ts) and the Markdown export
// (lib/export/markdown.ts) group speakers with the same code.
// Speaker names as editors type them vary: "Russia", "russia", "Russia's", "the Kremlin ".
// normalizeSpeakerKey folds what is obviously the same spelling (case, spaces, quotes,
// a leading "the", a possessive); grouping different names ("Russia's foreign ministry"
// under "Russia") is an editor's decision, stored as a SpeakerAlias keyed by this form.

/** The case- and spacing-insensitive key of a speaker name ("The  Kremlin’s" → "kremlin"). */
export function normalizeSpeakerKey(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[’`´]/g, "'")
    .replace(/[\s\u00a0]+/g, " ")
    .replace(/^[\s"'“”«»([{]+|[\s"'“”«».,;:!?)\]}]+$/g, "")
    .replace(/^the /, "")
    .replace(/'s?$/, "")
    .trim();
}

export type SpeakerAliasView = { alias: string; canonical: string };

export type SpeakerClaim = { id: string; speaker: string | null };

export type SpeakerGroup<C extends SpeakerClaim> = {
  /** The group's key: the normalised canonical name. */
  key: string;
  /** What the report shows: the editor's canonical name, or the most used spelling. */
  name: string;
  /** Every spelling used in these claims, most used first. */
  variants: string[];
  claims: C[];
};

/** Groups claims by normalised speaker, following the editors' aliases; the biggest groups first. */
export function groupBySpeaker<C extends SpeakerClaim>(
  claims: readonly C[],
  aliases: readonly SpeakerAliasView[],
): SpeakerGroup<C>[] {
  const canonicalOf = new Map(aliases.map((a) => [a.alias, a.canonical]));
  const groups = new Map<string, { name: string | null; spellings: Map<string, number>; claims: C[] }>();
  for (const claim of claims) {
    const spoken = claim.speaker?.trim();
    if (!spoken) continue;
    const canonical = canonicalOf.get(normalizeSpeakerKey(spoken));
    const key = normalizeSpeakerKey(canonical ?? spoken);
    if (key === "") continue;
    const group = groups.get(key) ?? { name: null, spellings: new Map<string, number>(), claims: [] };
    if (canonical) group.name = canonical;
    group.spellings.set(spoken, (group.spellings.get(spoken) ?? 0) + 1);
    group.claims.push(claim);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .map(([key, g]) => {
      const variants = [...g.spellings.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([s]) => s);
      return { key, name: g.name ?? variants[0] ?? key, variants, claims: g.claims };
    })
    .sort((a, b) => b.claims.length - a.claims.length || a.name.localeCompare(b.name));
}
