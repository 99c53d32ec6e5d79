/** Whether a claim version seen is as new as the one known, or newer (versions only grow). */
function isCurrent(known: number | undefined, seen: number): boolean {
  return seen >= (known ?? 0);
}

type Shown = { id: string; version: number; start: number; end: number };

/**
 * The claims a page shows, with newer views of some merged in, in text order. A view older
 * than the one shown is ignored, as ClaimVersions ignores its version: the page must
 * never show an older claim than the version its next save names, or that save would
 * pass the server's version check on top of a change its editor never saw.
 */
export function mergeClaimViews<C extends Shown>(shown: readonly C[], views: readonly C[]): C[] {
  const byId = new Map(shown.map((c) => [c.id, c]));
  for (const view of views) if (isCurrent(byId.get(view.id)?.version, view.version)) byId.set(view.id, view);
  return [...byId.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The newest version of each claim that a page has seen. A claim's version only grows
 * (every save adds one), and live updates may arrive out of order (on PostgreSQL each
 * instance sends its notifications through its pool), so an older version than the one
 * known is ignored. Saves name the version kept here.
 */
export class ClaimVersions {
  private readonly known: Map<string, number>;

  constructor(claims: readonly { id: string; version: number }[]) {
    this.known = new Map(claims.map((c) => [c.id, c.version]));
  }

  /** The newest version seen of a claim; undefined for one this page has not seen. */
  of(claimId: string): number | undefined {
    return this.known.get(claimId);
  }

  /** Records a version seen (a save's answer, a conflict, a live update); false when it is older than the one known. */
  see(claimId: string, version: number): boolean {
    if (!isCurrent(this.known.get(claimId), version)) return false;
    this.known.set(claimId, version);
    return true;
  }
}
