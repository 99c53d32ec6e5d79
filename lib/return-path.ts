/** A same-site path to return to after sign-in; anything else (other hosts, //x) becomes /articles. */
export function safeReturnPath(value: string | undefined | null): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/articles";
  return value;
}
