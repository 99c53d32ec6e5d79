/** The outcome of a source action: an alert when it failed, a status line when it worked. */
export function ActionMessage({ outcome }: { outcome: { isError: boolean; message: string } | null }) {
  if (!outcome) return <p role="status" className="small" />;
  return outcome.isError ? (
    <p role="alert" className="error small">
      {outcome.message}
    </p>
  ) : (
    <p role="status" className="small notice">
      {outcome.message}
    </p>
  );
}
