import type { EffectiveCredibility } from "@/lib/sources/credibility";

export const CREDIBILITY_LABELS = { reliable: "Reliable", mixed: "Mixed", unreliable: "Unreliable", unknown: "Unknown" } as const;
const LABELS = CREDIBILITY_LABELS;

/**
 * A source's credibility as a small labelled badge: the level, and "(publisher)" when
 * the rating comes from the publisher's domain rather than the source itself. Nothing
 * for unrated sources unless `showUnrated`.
 */
export function CredibilityBadge({
  credibility,
  showUnrated = false,
}: {
  credibility: EffectiveCredibility | undefined;
  showUnrated?: boolean;
}) {
  if (!credibility) {
    return showUnrated ? <span className="cred cred-none">Not rated</span> : null;
  }
  const from = credibility.from === "domain" ? " (publisher)" : "";
  return (
    <span className={`cred cred-${credibility.level}`} title={`Credibility: ${LABELS[credibility.level]}${from}`}>
      <span className="visually-hidden">Credibility: </span>
      {LABELS[credibility.level]}
      {from && <span className="cred-from">{from}</span>}
    </span>
  );
}
