import Link from "next/link";

/** A list page whose address has a filter or page number it cannot read: says which, and links to the plain list. */
export function InvalidQuery({ title, message, plainHref }: { title: string; message: string; plainHref: string }) {
  return (
    <div className="stack">
      <h1>{title}</h1>
      <p role="alert" className="error">
        This address asks for something the list cannot show: {message}.
      </p>
      <p>
        <Link href={plainHref}>Show the whole list</Link>
      </p>
    </div>
  );
}
