/**
 * Query parameters that only track clicks; they are stripped from canonical URLs.
 * Beyond the generic ones (utm_*, click ids), a few news-site share tags: CMP (Guardian),
 * smid/smtyp (New York Times), at_medium/at_campaign (BBC).
 */
const TRACKING_PARAMS =
  /^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|twclid|ttclid|li_fat_id|srsltid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|_hsenc|_hsmi|mkt_tok|ref_src|ref_url|cmp|smid|smtyp|at_medium|at_campaign)$/i;

// Percent-escapes of unreserved characters (letters, digits, - . _ ~) mean the same as the
// characters themselves (RFC 3986 §6.2.2.2), so "%7Euser" and "~user" are one page.
const UNRESERVED_ESCAPE = /%(4[1-9A-F]|5[0-9A]|6[1-9A-F]|7[0-9A]|3[0-9]|2D|2E|5F|7E)/gi;

/**
 * The canonical form of an http(s) URL, on which sources are de-duplicated: lower-case
 * scheme and host (IDN in punycode, no trailing dot), no default port, no credentials,
 * no fragment, no tracking parameters, unreserved percent-escapes decoded.
 * Throws on anything that is not an absolute http(s) URL.
 */
export function canonicalizeUrl(input: string): string {
  const url = new URL(input.trim());
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TypeError(`Not an http(s) URL: ${input}`);
  }
  url.hash = "";
  url.username = "";
  url.password = "";
  // "example.com." is the fully qualified spelling of "example.com".
  if (url.hostname.endsWith(".")) url.hostname = url.hostname.replace(/\.+$/, "");
  url.pathname = decodeUnreserved(url.pathname);
  url.search = stripTracking(url.search);
  // URL already lower-cases the host and drops default ports; an emptied query leaves "?".
  return url.toString().replace(/\?$/, "");
}

/**
 * Drops tracking pairs from a raw query string and keeps the others byte for byte:
 * URLSearchParams would re-encode them ("%20" to "+", "a" to "a="), so the same page
 * would get a different key depending on whether it was shared with a tracker.
 */
function stripTracking(search: string): string {
  const pairs = search.replace(/^\?/, "").split("&").filter(Boolean);
  const kept = pairs.filter((pair) => !TRACKING_PARAMS.test(decodeKey(pair.split("=")[0] ?? "")));
  return kept.length > 0 ? `?${kept.map(decodeUnreserved).join("&")}` : "";
}

function decodeKey(key: string): string {
  try {
    return decodeURIComponent(key.replace(/\+/g, " "));
  } catch {
    return key;
  }
}

function decodeUnreserved(part: string): string {
  return part.replace(UNRESERVED_ESCAPE, (escape) => String.fromCharCode(parseInt(escape.slice(1), 16)));
}
