"use client";

import type { FormEvent } from "react";
import { setDomainRatingAction, setSourceCredibilityAction } from "@/app/(app)/sources/actions";
import type { RatingView } from "@/lib/data/source-credibility";
import { CREDIBILITY_LEVELS } from "@/lib/sources/credibility";
import { formatDateTime } from "@/components/ui/format";
import { ActionMessage } from "@/components/sources/action-message";
import { useSourceAction } from "@/components/sources/use-source-action";

type Props = {
  sourceId: string;
  domain: string | null;
  ownRating: RatingView | null;
  domainRating: RatingView | null;
  canRate: boolean;
};

function Rated({ rating }: { rating: RatingView | null }) {
  if (!rating) return <p className="muted small">Not rated.</p>;
  return (
    <p className="small">
      <strong>{rating.level}</strong>
      {rating.setBy && ` · set by ${rating.setBy}`}
      {rating.setAt && ` on ${formatDateTime(rating.setAt)}`}
      {rating.note && <span className="rating-note"> · {rating.note}</span>}
    </p>
  );
}

/** The source's own credibility rating and its publisher domain's, each with a note; who set them and when. */
export function CredibilityForms({ sourceId, domain, ownRating, domainRating, canRate }: Props) {
  const own = useSourceAction();
  const publisher = useSourceAction();

  function onOwn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    own.run(
      () => setSourceCredibilityAction(sourceId, { rating: form.get("rating"), note: form.get("note") }),
      () => "Rating saved.",
    );
  }
  function onDomain(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    publisher.run(
      () => setDomainRatingAction({ domain, rating: form.get("rating"), note: form.get("note") }),
      () => "Publisher rating saved.",
    );
  }

  return (
    <section aria-labelledby="credibility-heading" className="stack">
      <h2 id="credibility-heading">Credibility</h2>
      <div>
        <h3 className="small-heading">This source</h3>
        <Rated rating={ownRating} />
        {canRate && (
          <form onSubmit={onOwn} className="row" noValidate>
            <label className="field inline">
              <span>Source credibility</span>
              <select name="rating" defaultValue={ownRating?.level ?? ""}>
                <option value="" disabled>
                  Choose a level
                </option>
                {CREDIBILITY_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </select>
            </label>
            <label className="field inline">
              <span>Credibility note</span>
              <input name="note" defaultValue={ownRating?.note ?? ""} maxLength={2000} />
            </label>
            <button type="submit" className="button" disabled={own.isPending}>
              Save rating
            </button>
          </form>
        )}
        <ActionMessage outcome={own.outcome} />
      </div>
      {domain && (
        <div>
          <h3 className="small-heading">Publisher ({domain})</h3>
          <Rated rating={domainRating} />
          {canRate && (
            <form onSubmit={onDomain} className="row" noValidate>
              <label className="field inline">
                <span>Publisher credibility</span>
                <select name="rating" defaultValue={domainRating?.level ?? ""}>
                  <option value="" disabled>
                    Choose a level
                  </option>
                  {CREDIBILITY_LEVELS.map((l) => (
                    <option key={l} value={l}>
                      {l}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field inline">
                <span>Publisher note</span>
                <input name="note" defaultValue={domainRating?.note ?? ""} maxLength={2000} />
              </label>
              <button type="submit" className="button" disabled={publisher.isPending}>
                Save publisher rating
              </button>
            </form>
          )}
          <ActionMessage outcome={publisher.outcome} />
        </div>
      )}
    </section>
  );
}
