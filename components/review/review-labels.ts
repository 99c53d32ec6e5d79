import type { ReviewState } from "@/lib/export/types";
import type { ReviewAction } from "@/lib/data/review";

export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  draft: "Draft",
  in_review: "In review",
  approved: "Approved",
  changes_requested: "Changes requested",
};

/** What each transition is called in the history ("Submitted by …"). */
export const REVIEW_ACTION_LABELS: Record<ReviewAction, string> = {
  submit: "Submitted for review",
  approve: "Approved",
  request_changes: "Changes requested",
  reopen: "Reopened",
};

/** True for the four review states (review state arrives as a plain string from views). */
export function isReviewState(value: string): value is ReviewState {
  return value in REVIEW_STATE_LABELS;
}
