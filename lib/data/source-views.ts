import "server-only";
import type { EffectiveCredibility } from "@/lib/sources/credibility";
import type { RatingView } from "@/lib/data/source-credibility";
import type { LinkHealthStatus } from "@/lib/sources/link-health";
import type { SourceType } from "@/lib/sources/source-type";

// Plain objects about sources that leave the data layer (pages, actions, the API).

/** A link check's outcome as stored on the source. */
export type HealthView = {
  status: LinkHealthStatus;
  httpStatus: number | null;
  finalUrl: string | null;
  message: string | null;
  checkedAt: string | null;
} | null;

/** One row of the source library. */
export type SourceListItem = {
  id: string;
  url: string;
  /** False for uploads and offline sources (claimtrack: identifiers): never render those as links. */
  isWeb: boolean;
  domain: string | null;
  title: string | null;
  publisher: string | null;
  type: SourceType | null;
  credibility: EffectiveCredibility;
  health: HealthView;
  /** Distinct claims that cite the source. */
  claimCount: number;
};

/** A claim that cites a source, with its article and the link's relation. */
export type CitingClaimView = {
  linkId: string;
  claimId: string;
  claimText: string;
  articleId: string;
  articleTitle: string;
  relation: string;
  quote: string | null;
  locator: string | null;
};

export type SnapshotView = {
  id: string;
  fetchedAt: string;
  httpStatus: number;
  contentType: string | null;
  bytes: number;
  finalUrl: string;
  sha256: string;
  /** Whether it can be shown sanitised (HTML); others are only downloaded. */
  isHtml: boolean;
};

/** Everything the source page shows. */
export type SourceDetailView = Omit<SourceListItem, "claimCount"> & {
  author: string | null;
  publishedAt: string | null;
  description: string | null;
  accessedAt: string | null;
  notes: string | null;
  archiveUrl: string | null;
  archivedAt: string | null;
  file: { sha256: string; fileName: string | null; size: number | null } | null;
  ownRating: RatingView | null;
  domainRating: RatingView | null;
  createdAt: string;
  claims: CitingClaimView[];
  snapshots: SnapshotView[];
};
