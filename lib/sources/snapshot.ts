import crypto from "node:crypto";
import createDOMPurify, { type Config, type WindowLike } from "dompurify";
import { JSDOM } from "jsdom";
import type { SafeFetchResponse } from "./safe-fetch";

/** A fetched page as stored: content-addressed by the sha256 of its bytes. */
export type Snapshot = {
  /** Lower-case hex sha256 of body: the storage key, so identical fetches share one file. */
  sha256: string;
  contentType: string | null;
  status: number;
  fetchedAt: Date;
  /** Size of body in bytes. */
  bytes: number;
  body: Uint8Array;
  /** The URL that answered, after redirects. */
  url: string;
};

/** The snapshot record of a safeFetch response: its hash, size, type, status and fetch time. */
export function snapshotFromResponse(res: Pick<SafeFetchResponse, "body" | "contentType" | "status" | "fetchedAt" | "finalUrl">): Snapshot {
  return {
    sha256: crypto.createHash("sha256").update(res.body).digest("hex"),
    contentType: res.contentType,
    status: res.status,
    fetchedAt: res.fetchedAt,
    bytes: res.body.byteLength,
    body: res.body,
    url: res.finalUrl,
  };
}

export type SanitizeSnapshotOptions = {
  /** Keep images (absolute http(s) only, no referrer). Off by default: each image would tell the publisher who is viewing the snapshot. */
  keepImages?: boolean;
};

// Everything that runs code, loads another document, submits data or restyles the
// viewing page. <style> and style="" go too: CSS url() fetches are a tracking and
// exfiltration channel, and fixed positioning can dress a snapshot up as Claimtrack's UI.
const FORBID_TAGS = [
  "script", "style", "link", "meta", "base", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
  "applet", "portal", "form", "input", "button", "select", "option", "textarea", "dialog", "video", "audio", "source",
  "track", "picture", "canvas", "map", "area",
];
const FORBID_ATTR = ["style", "srcset", "sizes", "ping", "action", "formaction", "background", "poster", "longdesc", "srcdoc", "target"];

/**
 * A copy of a snapshot's HTML that is safe to show inside Claimtrack: the <body> content
 * cleaned by DOMPurify (no scripts, event handlers, frames, forms, styles; SVG and MathML
 * dropped), links made absolute http(s) against the page (its <base> honoured) opening
 * in a new tab with rel="noopener noreferrer nofollow", other link schemes removed.
 * Serve it in a sandboxed iframe with a strict CSP all the same: defence in depth.
 */
export function sanitizeSnapshotHtml(html: string, baseUrl: string, options: SanitizeSnapshotOptions = {}): string {
  const dom = new JSDOM(html, httpUrl(baseUrl) ? { url: baseUrl } : undefined);
  const doc = dom.window.document;
  const base = httpUrl(doc.baseURI) ?? httpUrl(baseUrl);
  if (!options.keepImages) replaceImagesWithAltText(doc);
  const purify = createDOMPurify(dom.window as unknown as WindowLike);
  purify.addHook("afterSanitizeAttributes", (node) => {
    const tag = node.nodeName.toLowerCase();
    if (tag === "a") {
      const href = absoluteHttp(node.getAttribute("href"), base);
      if (href) {
        node.setAttribute("href", href);
        node.setAttribute("target", "_blank");
        node.setAttribute("rel", "noopener noreferrer nofollow");
      } else node.removeAttribute("href");
    }
    if (tag === "img") {
      const src = absoluteHttp(node.getAttribute("src"), base);
      if (src) {
        node.setAttribute("src", src);
        node.setAttribute("referrerpolicy", "no-referrer");
        node.setAttribute("loading", "lazy");
      } else node.remove();
    }
    for (const attr of ["cite"]) {
      if (!node.hasAttribute(attr)) continue;
      const url = absoluteHttp(node.getAttribute(attr), base);
      if (url) node.setAttribute(attr, url);
      else node.removeAttribute(attr);
    }
  });
  const config: Config = {
    USE_PROFILES: { html: true },
    FORBID_TAGS,
    FORBID_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    // Prefixes id/name values so the snapshot cannot clobber globals of the page it is shown in.
    SANITIZE_NAMED_PROPS: true,
  };
  return purify.sanitize(doc.body?.innerHTML ?? "", config);
}

/** Images become "[Image: alt]" text, or nothing when they have no alt text. */
function replaceImagesWithAltText(doc: Document): void {
  for (const img of Array.from(doc.querySelectorAll("img"))) {
    const alt = img.getAttribute("alt")?.replace(/\s+/g, " ").trim();
    if (alt) img.replaceWith(doc.createTextNode(`[Image: ${alt}]`));
    else img.remove();
  }
}

function absoluteHttp(value: string | null, base: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base ?? undefined);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function httpUrl(value: string | null | undefined): string | null {
  return absoluteHttp(value ?? null, null);
}
