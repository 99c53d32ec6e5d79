"use client";

import { useState, useTransition, type FormEvent } from "react";
import { changeRoleAction, createUserAction, setActiveAction, setPasswordAction } from "@/app/(app)/admin/users/actions";
import { ROLES, type Role } from "@/lib/schemas/user";
import type { FieldErrors } from "@/lib/errors";
import { FieldError, PasswordField, describedBy } from "@/components/ui/field-error";
import { formatDate } from "@/components/ui/format";

type User = { id: string; email: string; name: string; role: Role; isActive: boolean; createdAt: string };

/** The admin's user management: create users, change roles, deactivate and reactivate. */
export function UserAdmin({ users, currentUserId }: { users: User[]; currentUserId: string | null }) {
  const [isPending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});

  /** Runs an admin action; `done` words the outcome from what the server stored (a lower-cased email, the new role). */
  function run(
    action: () => Promise<{ ok: true; value: unknown } | { ok: false; error: { message: string; fields?: FieldErrors } }>,
    done: string | ((value: unknown) => string),
    form?: HTMLFormElement,
  ) {
    // Buttons stay focusable while an action runs (aria-disabled): a disabled button drops
    // the keyboard focus to the page. A second click meanwhile does nothing.
    if (isPending) return;
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        setMessage(typeof done === "string" ? done : done(result.value));
        setErrors({});
        form?.reset();
      } else {
        setMessage(result.error.message);
        setErrors(result.error.fields ?? {});
      }
    });
  }

  function onSetPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = Object.fromEntries(new FormData(form));
    run(() => setPasswordAction(data), (email) => `Set a new password for ${String(email)}; their sessions have ended. Tell them to change it in Settings.`, form);
  }

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = Object.fromEntries(new FormData(form));
    run(() => createUserAction(data), (email) => `Created ${String(email)}.`, form);
  }

  return (
    <>
      <h1>Users</h1>
      <p role="status" className="muted">
        {message}
      </p>
      <div className="table-scroll">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Since</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>
                <select
                  aria-label={`Role of ${u.email}`}
                  value={u.role}
                  disabled={isPending || u.id === currentUserId}
                  onChange={(e) => run(() => changeRoleAction({ userId: u.id, role: e.target.value }), (role) => `Changed the role of ${u.email} to ${String(role)}.`)}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {u.isActive ? "Active" : "Deactivated"}{" "}
                {u.id !== currentUserId && (
                  <button
                    type="button"
                    className="button small"
                    aria-disabled={isPending}
                    onClick={() =>
                      run(() => setActiveAction({ userId: u.id, isActive: !u.isActive }), `${u.isActive ? "Deactivated" : "Reactivated"} ${u.email}.`)
                    }
                  >
                    {u.isActive ? `Deactivate` : `Reactivate`}
                    <span className="visually-hidden"> {u.email}</span>
                  </button>
                )}
              </td>
              <td>{formatDate(u.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>

      <h2>Set a user’s password</h2>
      <p className="small muted">For someone who forgot theirs: their sessions end, and they sign in with this one.</p>
      <form onSubmit={onSetPassword} className="stack narrow" noValidate>
        <label className="field">
          <span>User</span>
          <select name="userId" defaultValue="">
            <option value="" disabled>
              Choose a user
            </option>
            {users
              .filter((u) => u.id !== currentUserId)
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.email}
                </option>
              ))}
          </select>
        </label>
        <PasswordField name="newPassword" label="New password" messages={errors.newPassword} />
        <div>
          <button type="submit" className="button" aria-disabled={isPending}>
            Set password
          </button>
        </div>
      </form>

      <h2>Add a user</h2>
      <form onSubmit={onCreate} className="stack narrow" noValidate>
        <label className="field">
          <span>Name</span>
          <input name="name" {...describedBy("new-name-error", errors.name)} />
        </label>
        <FieldError id="new-name-error" messages={errors.name} />
        <label className="field">
          <span>Email</span>
          <input name="email" type="email" {...describedBy("new-email-error", errors.email)} />
        </label>
        <FieldError id="new-email-error" messages={errors.email} />
        <label className="field">
          <span>Role</span>
          <select name="role" defaultValue="editor">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <PasswordField name="password" label="Initial password" messages={errors.password} />
        <div>
          <button type="submit" className="button primary" aria-disabled={isPending}>
            Add user
          </button>
        </div>
      </form>
    </>
  );
}
