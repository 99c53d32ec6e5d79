import dns from "node:dns";
import { classifyAddress, describeRange, hostPortKey } from "./address-policy";
import { FetchError } from "./fetch-error";

/** One address as dns.promises.lookup({ all: true }) returns it. */
export type ResolvedAddress = { address: string; family: number };
/** Resolves a host name to every address it has; injectable so tests can fake DNS answers. */
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>;

/** The real resolver: the system's, as the rest of the machine sees names. */
export const defaultResolveHost: ResolveHost = (hostname) => dns.promises.lookup(hostname, { all: true });

/**
 * Resolves a URL's host and returns its addresses once every one has passed the check
 * (global unicast, or the host:port is allow-listed); throws FetchError "private_address"
 * naming the first address refused, or "dns" when the name does not resolve.
 */
export async function checkedAddresses(
  url: URL,
  context: { allowHosts: Set<string>; resolveHost: ResolveHost; signal: AbortSignal; redirects: string[] },
): Promise<ResolvedAddress[]> {
  const { allowHosts, resolveHost, signal, redirects } = context;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const isAllowed = allowHosts.has(hostPortKey(url));
  const literal = classifyLiteral(host);
  let addresses: ResolvedAddress[];
  if (literal) {
    addresses = [literal];
  } else {
    try {
      addresses = await abortable(resolveHost(host), signal);
    } catch (error) {
      if (signal.aborted) throw error;
      const code = (error as NodeJS.ErrnoException).code ?? "no answer";
      throw new FetchError("dns", `Could not resolve ${host} (${code})`, { url: url.href, redirects, cause: error });
    }
    if (addresses.length === 0) throw new FetchError("dns", `Could not resolve ${host} (no addresses)`, { url: url.href, redirects });
  }
  if (!isAllowed) {
    for (const { address } of addresses) {
      const verdict = classifyAddress(address);
      if (verdict.isPublic) continue;
      const hop = redirects.length > 0 ? `Refused redirect to ${url.href}: ` : "Refused: ";
      const what = literal ? `${address} is` : `${host} resolves to ${address},`;
      throw new FetchError("private_address", `${hop}${what} ${describeRange(verdict.range)}`, { url: url.href, redirects });
    }
  }
  return addresses;
}

function classifyLiteral(host: string): ResolvedAddress | null {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return { address: host, family: 4 };
  if (host.includes(":")) return { address: host, family: 6 };
  return null;
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => (signal.removeEventListener("abort", onAbort), resolve(value)),
      (error: unknown) => (signal.removeEventListener("abort", onAbort), reject(error)),
    );
  });
}
