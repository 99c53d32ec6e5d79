"use client";

import { memo, useMemo } from "react";
import { overlayClaims } from "@/lib/claims/overlay";
import type { ClaimView } from "@/lib/data/views";

type Props = {
  text: string;
  claims: readonly Pick<ClaimView, "id" | "start" | "end" | "tag">[];
  selectedId: string | null;
  onSelect: (claimId: string) => void;
};

/**
 * The article with each claim highlighted in its tag's colour. Overlapping or nested
 * claims are cut into pieces; a piece shows its innermost claim's colour and an
 * underline when more than one claim covers it.
 */
export const ArticleText = memo(function ArticleText({ text, claims, selectedId, onSelect }: Props) {
  const tags = useMemo(() => new Map(claims.map((c) => [c.id, c.tag])), [claims]);
  const pieces = useMemo(() => overlayClaims(text.length, claims), [text.length, claims]);
  return (
    <div className="article-text" aria-label="Article text" role="document">
      {pieces.map((p) => {
        const slice = text.slice(p.start, p.end);
        const innermost = p.claimIds[p.claimIds.length - 1];
        if (innermost === undefined) return <span key={p.start}>{slice}</span>;
        const isSelected = selectedId !== null && p.claimIds.includes(selectedId);
        return (
          <mark
            key={p.start}
            data-claim={innermost}
            className={`hl tag-${tags.get(innermost) ?? "none"}${isSelected ? " selected" : ""}${p.claimIds.length > 1 ? " overlap" : ""}`}
            onClick={() => onSelect(isSelected && selectedId ? selectedId : innermost)}
          >
            {slice}
          </mark>
        );
      })}
    </div>
  );
});
