/**
 * The publisher domain of a source URL, on which domain ratings are kept: the lower-case
 * host without a leading "www." (www.example.org and example.org are one publisher), or
 * null for non-web sources and unparseable input.
 */
export function publisherDomain(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
    return normalizeDomain(parsed.hostname);
  } catch {
    return null;
  }
}

/** A domain as typed by an editor ("WWW.Example.org.", "https://example.org/x") in the form publisherDomain gives, or null. */
export function normalizeDomain(input: string): string | null {
  let host = input.trim().toLowerCase();
  if (/^https?:\/\//.test(host)) {
    try {
      host = new URL(host).hostname;
    } catch {
      return null;
    }
  }
  host = host.replace(/\.+$/, "").replace(/^www\./, "");
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$|^\[[0-9a-f:.]+\]$/.test(host)) return null;
  return host;
}
