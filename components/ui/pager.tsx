import Link from "next/link";

type Props = { page: number; pageCount: number; href: (page: number) => string; previousLabel?: string; nextLabel?: string };

/** "Previous · Page n of m · Next" links for paged tables. */
export function Pager({ page, pageCount, href, previousLabel = "Previous", nextLabel = "Next" }: Props) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages" className="pager">
      {page > 1 && <Link href={href(page - 1)}>{previousLabel}</Link>}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount && <Link href={href(page + 1)}>{nextLabel}</Link>}
    </nav>
  );
}
