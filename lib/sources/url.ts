/** Query parameters that only track clicks; they are stripped from canonical URLs. */
const TRACKING_PARAMS = /^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_hsenc|_hsmi|mkt_tok|ref_src|ref_url)$/i;

/**
 * The canonical form of an http(s) URL, on which sources are de-duplicated: lower-case
 * scheme and host, no default port, no fragment, no tracking parameters.
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
  for (const key of [...url.searchParams.keys()]) {
    if (TRACKING_PARAMS.test(key)) url.searchParams.delete(key);
  }
  // URL already lower-cases the host and drops default ports; an emptied query leaves "?".
  return url.toString().replace(/\?$/, "");
}
