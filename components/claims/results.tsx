import Link from "next/link";
import type { ClaimSearchResult } from "@/lib/data/search";
import { claimAnchor } from "@/lib/export/iris";
import { VERDICT_LABELS } from "@/lib/schemas/claim";
import { formatDate } from "@/components/ui/format";
import { TAG_LABELS } from "@/components/annotate/tag-labels";
import { REVIEW_STATE_LABELS } from "@/components/review/review-labels";
import { filterHref, type RawFilters } from "@/components/claims/filter-href";
import { RELATION_LABELS, SourceTitle } from "@/components/sources/source-title";


/** One page of matching claims, each linked to its place in its article's report. */
export function ClaimResults({ result, raw }: { result: ClaimSearchResult; raw: RawFilters }) {
  const { items, total, isTotalCapped, page, pageCount } = result;
  const first = (page - 1) * 50 + 1;
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">Results</h2>
      <p className="muted" aria-live="polite">
        {total === 0
          ? "No claim matches."
          : `${isTotalCapped ? "More than " : ""}${total.toLocaleString("en")} claim${total === 1 ? "" : "s"}${isTotalCapped ? ": narrow the search to see them all" : ""}; showing ${first}–${first + items.length - 1}.`}
      </p>
      <ol className="plain-list claim-results" start={first}>
        {items.map((c) => (
          <li key={c.id}>
            <p className="claim-text">{c.text}</p>
            <p className="small row">
              <span className={`tag-pill tag-${c.tag ?? "none"}`}>{c.tag ? TAG_LABELS[c.tag] : "Untagged"}</span>
              {c.verdict && <span className={`verdict-pill verdict-${c.verdict}`}>{VERDICT_LABELS[c.verdict]}</span>}
              {c.speaker && (
                <span>
                  <bdi>{c.speaker}</bdi>
                  {c.cue && (
                    <>
                      {" "}
                      (<bdi>{c.cue}</bdi>)
                    </>
                  )}
                </span>
              )}
            </p>
            <p className="small muted">
              <Link href={`/articles/${c.articleId}/report#${claimAnchor(c.id)}`}>{c.articleTitle}</Link> ·{" "}
              {formatDate(c.articleDate)} · {REVIEW_STATE_LABELS[c.reviewState]}
              {c.sources.length > 0 && (
                <>
                  {" · "}
                  {c.sources.map((s, i) => (
                    <span key={i}>
                      {i > 0 && ", "}
                      {RELATION_LABELS[s.relation]}:{" "}
                      <SourceTitle url={s.url} title={s.title} />
                    </span>
                  ))}
                </>
              )}
            </p>
          </li>
        ))}
      </ol>
      {pageCount > 1 && (
        <nav aria-label="Pages" className="pager">
          {page > 1 && <Link href={filterHref(raw, { page: String(page - 1) })}>Previous</Link>}
          <span>
            Page {page} of {pageCount}
          </span>
          {page < pageCount && <Link href={filterHref(raw, { page: String(page + 1) })}>Next</Link>}
        </nav>
      )}
    </section>
  );
}
