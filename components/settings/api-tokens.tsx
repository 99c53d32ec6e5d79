"use client";

import { useState, useTransition, type FormEvent } from "react";
import { createTokenAction, revokeTokenAction } from "@/app/(app)/settings/actions";
import { formatDate } from "@/components/ui/format";
import { FieldError, describedBy } from "@/components/ui/field-error";

type Token = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

/** Personal API tokens: mint one (shown once), list and revoke. */
export function ApiTokens({ tokens }: { tokens: Token[] }) {
  const [minted, setMinted] = useState<string | null>(null);
  const [error, setError] = useState<string[] | undefined>();
  const [isPending, startTransition] = useTransition();

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "");
    startTransition(async () => {
      const result = await createTokenAction({ name });
      if (result.ok) {
        setMinted(result.value);
        setError(undefined);
        form.reset();
      } else {
        setError(result.error.fields?.name ?? [result.error.message]);
      }
    });
  }

  return (
    <section aria-labelledby="tokens-heading" className="stack">
      <h2 id="tokens-heading">API tokens</h2>
      <p className="muted">
        Scripts call the JSON API under /api/v1 with <code>Authorization: Bearer &lt;token&gt;</code>. A token acts with
        your role.
      </p>
      <form onSubmit={onCreate} className="row" noValidate>
        <label className="field inline">
          <span>Token name</span>
          <input name="name" maxLength={100} {...describedBy("token-name-error", error)} />
        </label>
        <button type="submit" className="button primary" disabled={isPending}>
          Create token
        </button>
      </form>
      <FieldError id="token-name-error" messages={error} />
      {minted && (
        <div className="notice" role="status">
          <p>Copy this token now: it will not be shown again.</p>
          <code className="token" aria-label="New API token">
            {minted}
          </code>
        </div>
      )}
      {tokens.length > 0 && (
        <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Token</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>
                  <code>{t.prefix}…</code>
                </td>
                <td>{formatDate(t.createdAt)}</td>
                <td>{formatDate(t.lastUsedAt)}</td>
                <td>
                  {t.revokedAt ? (
                    `Revoked ${formatDate(t.revokedAt)}`
                  ) : (
                    <button
                      type="button"
                      className="button small"
                      aria-label={`Revoke token ${t.name}`}
                      onClick={() => startTransition(async () => void (await revokeTokenAction(t.id)))}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </section>
  );
}
