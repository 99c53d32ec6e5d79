import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="auth-page">
      <h1>Not found</h1>
      <p>There is nothing at this address, or it was removed.</p>
      <p>
        <Link href="/articles">Back to the articles</Link>
      </p>
    </main>
  );
}
