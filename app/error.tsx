"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="auth-page">
      <h1>Something went wrong</h1>
      <p>The server could not finish this request. Nothing you saved before is lost.</p>
      {error.digest && <p className="muted">Reference: {error.digest}</p>}
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </main>
  );
}
