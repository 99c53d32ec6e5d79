import type { SourceRelation } from "@/lib/schemas/source";

export const RELATION_LABELS = { supports: "Supports", refutes: "Refutes", context: "Context", origin: "Origin" } as const satisfies Record<
  SourceRelation,
  string
>;

/** Only http(s) addresses become links; anything else is shown as text. */
export function isHttpUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** A source's title (its address when it has none), a link that opens apart only for http(s) addresses. */
export function SourceTitle({ url, title }: { url: string; title: string | null }) {
  return isHttpUrl(url) ? (
    <a href={url} target="_blank" rel="noopener noreferrer nofollow">
      {title ?? url}
    </a>
  ) : (
    <span>{title ?? url}</span>
  );
}
