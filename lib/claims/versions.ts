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
    if (version < (this.known.get(claimId) ?? 0)) return false;
    this.known.set(claimId, version);
    return true;
  }
}
