"use client";

import { useState, useTransition, type FormEvent } from "react";
import { signOut } from "next-auth/react";
import { changePasswordAction } from "@/app/(app)/settings/actions";
import type { FieldErrors } from "@/lib/errors";
import { PasswordField } from "@/components/ui/field-error";

/** Changes the user's own password. Every session ends, this one too: they sign in again with it. */
export function ChangePassword() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    const data = new FormData(event.currentTarget);
    const currentPassword = String(data.get("currentPassword") ?? "");
    const newPassword = String(data.get("newPassword") ?? "");
    if (newPassword !== String(data.get("confirmPassword") ?? "")) {
      setErrors({ confirmPassword: ["The two new passwords differ"] });
      setMessage(null);
      return;
    }
    startTransition(async () => {
      const result = await changePasswordAction({ currentPassword, newPassword });
      if (!result.ok) {
        setErrors(result.error.fields ?? {});
        setMessage(result.error.message);
        return;
      }
      setErrors({});
      setMessage("Password changed. Every session has ended: sign in again with the new password.");
      await signOut({ callbackUrl: "/login" });
    });
  }

  return (
    <section aria-labelledby="password-heading" className="stack">
      <h2 id="password-heading">Password</h2>
      <form onSubmit={onSubmit} className="stack narrow" noValidate>
        <PasswordField name="currentPassword" label="Current password" autoComplete="current-password" messages={errors.currentPassword} />
        <PasswordField name="newPassword" label="New password (10 characters or more)" messages={errors.newPassword} />
        <PasswordField name="confirmPassword" label="New password again" messages={errors.confirmPassword} />
        <p className="small muted">Changing it signs you out everywhere; your API tokens keep working.</p>
        <div>
          <button type="submit" className="button primary" aria-disabled={isPending}>
            Change password
          </button>
        </div>
      </form>
      <p role="status" className="muted">
        {message}
      </p>
    </section>
  );
}
