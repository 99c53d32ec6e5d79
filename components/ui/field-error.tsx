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
