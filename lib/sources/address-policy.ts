import ipaddr from "ipaddr.js";

/** What the fetcher decided about one resolved address. */
export type AddressVerdict = { isPublic: true } | { isPublic: false; range: string };

// Range classification comes from ipaddr.js, whose tables follow the IANA special-purpose
// registries (RFC 6890 and successors); hand-written prefix regexes miss forms such as
// IPv4-mapped IPv6 or the benchmarking and documentation blocks. Only its "unicast"
// verdict (ordinary global addresses) is let through.

/**
 * Whether an IP address (v4 or v6, as dns.lookup returns it) may be fetched from the
 * server: only global unicast is public; private, loopback, link-local, unique-local,
 * multicast, CGNAT, documentation, benchmarking and other reserved ranges are not.
 * IPv4 addresses embedded in IPv6 (mapped, NAT64) are judged by their IPv4 part.
 */
export function classifyAddress(address: string): AddressVerdict {
  const bare = address.replace(/^\[|\]$/g, "");
  if (!ipaddr.isValid(bare)) return { isPublic: false, range: "invalid" };
  const ip = ipaddr.parse(bare);
  if (ip.kind() === "ipv4") {
    const range = (ip as ipaddr.IPv4).range();
    return range === "unicast" ? { isPublic: true } : { isPublic: false, range };
  }
  const v6 = ip as ipaddr.IPv6;
  const range = v6.range();
  if (range === "ipv4Mapped") return classifyAddress(v6.toIPv4Address().toString());
  // The NAT64 well-known prefix 64:ff9b::/96 carries an IPv4 address in its last 32 bits,
  // which is where a DNS64 network sends the connection.
  // (ipaddr.js's toIPv4Address only unwraps mapped addresses, so the bytes are taken directly.)
  if (range === "rfc6052" && v6.parts.slice(0, 6).join(",") === "100,65435,0,0,0,0") {
    return classifyAddress(v6.toByteArray().slice(12).join("."));
  }
  // ipaddr.js calls the deprecated IPv4-compatible block ::/96 "unicast"; nothing public lives there.
  if (range === "unicast" && v6.parts.slice(0, 6).every((p) => p === 0)) {
    return { isPublic: false, range: "ipv4Compatible" };
  }
  return range === "unicast" ? { isPublic: true } : { isPublic: false, range };
}

/** A human name for an ipaddr.js range, for error messages. */
export function describeRange(range: string): string {
  const names: Record<string, string> = {
    private: "a private address",
    loopback: "a loopback address",
    linkLocal: "a link-local address",
    uniqueLocal: "a unique-local address",
    multicast: "a multicast address",
    carrierGradeNat: "a carrier-grade NAT address",
    unspecified: "an unspecified address",
    broadcast: "a broadcast address",
    reserved: "a reserved or documentation address",
    benchmarking: "a benchmarking address",
  };
  return names[range] ?? `a non-public address (${range})`;
}

/**
 * The "host:port" key that allow-list entries are compared with: lower-case host, IPv6
 * in brackets, and the port spelled out even when it is the scheme's default.
 */
export function hostPortKey(url: URL): string {
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return `${url.hostname}:${port}`;
}

/**
 * Parses the FETCH_ALLOW_HOSTS setting (comma-separated "host:port" entries, e.g.
 * "127.0.0.1:4567,[::1]:8080") into normalised keys; throws on a malformed entry so a
 * typo in configuration is loud rather than silently refusing fixtures.
 */
export function parseAllowHosts(setting: string | undefined | null): string[] {
  if (!setting) return [];
  return setting
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map(normalizeAllowHost);
}

/** Normalises one "host:port" allow-list entry to the form hostPortKey produces. */
export function normalizeAllowHost(entry: string): string {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:/\s[\]]+):(\d{1,5})$/.exec(entry.trim());
  const port = Number(match?.[2]);
  if (!match?.[1] || !(port >= 1 && port <= 65535)) {
    throw new TypeError(`Allowed fetch host must be "host:port", got "${entry}"`);
  }
  // The WHATWG parser lower-cases, punycodes and canonicalises IP literals, as it does for fetched URLs.
  return `${new URL(`http://${match[1]}/`).hostname}:${port}`;
}
