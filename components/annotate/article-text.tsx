"use client";

import { memo, useMemo } from "react";
import { overlayClaims } from "@/lib/claims/overlay";
import type { ClaimView } from "@/lib/data/views";
import type { EvidenceMark } from "@/components/annotate/evidence-marks";

type Props = {
  text: string;
  claims: readonly Pick<ClaimView, "id" | "start" | "end" | "tag">[];
  marks: readonly EvidenceMark[];
  selectedId: string | null;
  onSelect: (claimId: string) => void;
};

/**
 * The article with each claim highlighted in its tag's colour and the suggested speakers
 * and cues marked inside. Overlapping or nested claims are cut into pieces; a piece shows
 * its innermost claim's colour and an underline when more than one claim covers it.
 */
export const ArticleText = memo(function ArticleText({ text, claims, marks, selectedId, onSelect }: Props) {
  const tags = useMemo(() => new Map(claims.map((c) => [c.id, c.tag])), [claims]);
  const kinds = useMemo(() => new Map(marks.map((m) => [m.id, m.kind])), [marks]);
  const pieces = useMemo(() => overlayClaims(text.length, [...claims, ...marks]), [text.length, claims, marks]);
  return (
    <div className="article-text" aria-label="Article text" role="document">
      {pieces.map((p) => {
        const claimIds = p.claimIds.filter((id) => !kinds.has(id));
        const evidence = p.claimIds.map((id) => kinds.get(id)).filter(Boolean);
        const slice = text.slice(p.start, p.end);
        const content = evidence.length > 0 ? <span className={evidence.map((k) => `ev-${k}`).join(" ")}>{slice}</span> : slice;
        const innermost = claimIds[claimIds.length - 1];
        if (innermost === undefined) return <span key={p.start}>{content}</span>;
        const isSelected = selectedId !== null && claimIds.includes(selectedId);
        return (
          <mark
            key={p.start}
            data-claim={innermost}
            className={`hl tag-${tags.get(innermost) ?? "none"}${isSelected ? " selected" : ""}${claimIds.length > 1 ? " overlap" : ""}`}
            onClick={() => onSelect(isSelected && selectedId ? selectedId : innermost)}
          >
            {content}
          </mark>
        );
      })}
    </div>
  );
});
