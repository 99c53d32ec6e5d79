/** The messages for one form field, linked to it by id for aria-describedby. */
export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages || messages.length === 0) return null;
  return (
    <p id={id} className="field-error">
      {messages.join(" ")}
    </p>
  );
}

/** Props that tie an input to its error message. */
export function describedBy(id: string, messages?: string[]) {
  return messages && messages.length > 0 ? { "aria-describedby": id, "aria-invalid": true as const } : {};
}

/** A password input with its label and its error message, tied together. */
export function PasswordField({ name, label, messages, autoComplete = "new-password" }: { name: string; label: string; messages?: string[]; autoComplete?: string }) {
  const errorId = `${name}-error`;
  return (
    <>
      <label className="field">
        <span>{label}</span>
        <input name={name} type="password" autoComplete={autoComplete} {...describedBy(errorId, messages)} />
      </label>
      <FieldError id={errorId} messages={messages} />
    </>
  );
}
