/** Whether a Content-Type header names an HTML document (text/html or XHTML). */
export function isHtmlContentType(contentType: string | null): boolean {
  const essence = contentType?.split(";")[0]?.trim().toLowerCase();
  return essence === "text/html" || essence === "application/xhtml+xml";
}

/**
 * Decodes a fetched HTML body to text with the charset a browser would pick, in the
 * HTML standard's order: byte-order mark, Content-Type charset, a <meta> charset in the
 * first 1024 bytes, then UTF-8. Unknown labels fall back to UTF-8; bad bytes become U+FFFD.
 */
export function decodeHtmlBody(body: Uint8Array, contentType: string | null): string {
  const label = bomCharset(body) ?? headerCharset(contentType) ?? metaCharset(body) ?? "utf-8";
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder("utf-8");
  }
  return decoder.encoding === "windows-1252" ? decodeWindows1252(body) : decoder.decode(body);
}

// WHATWG index-windows-1252 for 0x80–0x9F; the other bytes equal their code points.
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/**
 * Node 20.18.3+ decodes windows-1252 (and the latin1/ascii labels that mean it) as
 * ISO-8859-1, turning curly quotes into C1 controls: https://github.com/nodejs/node/issues/60888
 * Pages labelled latin1 are nearly always windows-1252, so this matters for old news sites.
 */
function decodeWindows1252(body: Uint8Array): string {
  let text = "";
  for (let i = 0; i < body.length; i += 8192) {
    const chunk = body.subarray(i, i + 8192);
    text += String.fromCharCode(...chunk);
  }
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

function bomCharset(body: Uint8Array): string | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return "utf-8";
  if (body[0] === 0xfe && body[1] === 0xff) return "utf-16be";
  if (body[0] === 0xff && body[1] === 0xfe) return "utf-16le";
  return null;
}

function headerCharset(contentType: string | null): string | null {
  const match = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? "");
  return match?.[1] ?? null;
}

function metaCharset(body: Uint8Array): string | null {
  // The prescan reads bytes as ASCII; every charset label and the markup around it is ASCII.
  const head = new TextDecoder("latin1").decode(body.subarray(0, 1024));
  const match =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset\s*=\s*([\w.:-]+)/i.exec(head);
  const label = match?.[1]?.toLowerCase() ?? null;
  // A page that declares UTF-16 in ASCII-compatible bytes is not UTF-16 (HTML standard, "get an encoding").
  return label?.startsWith("utf-16") ? "utf-8" : label;
}
