/** The ratings a source or a publisher's domain can carry (issue 5). */
export const CREDIBILITY_LEVELS = ["reliable", "mixed", "unreliable", "unknown"] as const;
export type Credibility = (typeof CREDIBILITY_LEVELS)[number];

/**
 * Ratings that make a source "low credibility" for the claim report. "mixed" counts: a
 * claim whose only backing comes from outlets that are sometimes wrong still needs a
 * better source before it can be relied on. "unknown" (and no rating at all) does not:
 * not having judged a source is no evidence against it.
 */
export const LOW_CREDIBILITY: ReadonlySet<Credibility> = new Set<Credibility>(["unreliable", "mixed"]);

/** Relations that back a claim; "context" and "refutes" links do not. */
export const BACKING_RELATIONS: ReadonlySet<string> = new Set(["supports", "origin"]);

/** A rating as shown beside a source: the level and whether it is the source's own or its publisher's. */
export type EffectiveCredibility = { level: Credibility; from: "source" | "domain" } | null;

/** Narrows a stored string to a rating, or null for anything else (e.g. a row written by hand). */
export function asCredibility(value: string | null | undefined): Credibility | null {
  return (CREDIBILITY_LEVELS as readonly string[]).includes(value ?? "") ? (value as Credibility) : null;
}

/** The rating that applies to a source: its own when set, else its publisher domain's, else none. */
export function effectiveCredibility(own: string | null | undefined, domain: string | null | undefined): EffectiveCredibility {
  const ownLevel = asCredibility(own);
  if (ownLevel) return { level: ownLevel, from: "source" };
  const domainLevel = asCredibility(domain);
  return domainLevel ? { level: domainLevel, from: "domain" } : null;
}

/**
 * Whether a claim is backed only by low-credibility sources: it has at least one backing
 * link (supports or origin) and every backing link's source is rated unreliable or mixed.
 */
export function isBackedOnlyByLowCredibility(links: readonly { relation: string; credibility: EffectiveCredibility }[]): boolean {
  const backing = links.filter((l) => BACKING_RELATIONS.has(l.relation));
  return backing.length > 0 && backing.every((l) => l.credibility !== null && LOW_CREDIBILITY.has(l.credibility.level));
}
