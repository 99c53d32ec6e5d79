import Link from "next/link";

export const metadata = { title: "Not allowed" };

export default function ForbiddenPage() {
  return (
    <main id="main" className="auth-page">
      <h1>Not allowed</h1>
      <p>Your role does not allow this page.</p>
      <p>
        <Link href="/articles">Back to the articles</Link>
      </p>
    </main>
  );
}
