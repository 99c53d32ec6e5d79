import crypto from "node:crypto";

// Sources that are not web pages still need a unique identifier in Source.url, which the
// library de-duplicates on. They get a "claimtrack:" URI of their own:
//   claimtrack:file/<sha256>   an uploaded document; the same bytes uploaded twice are one source
//   claimtrack:offline/<uuid>  a source without a file (a phone interview, a printed letter)
// Such identifiers are never rendered as links, and the fetcher refuses them (not http).

const FILE_ID = /^claimtrack:file\/([0-9a-f]{64})$/;
const OFFLINE_ID = /^claimtrack:offline\/([0-9a-f-]{36})$/;

/** The identifier of an uploaded file's source, from the file's sha256. */
export function fileSourceUrl(sha256: string): string {
  return `claimtrack:file/${sha256}`;
}

/** A fresh identifier for a source without a file, such as an interview. */
export function offlineSourceUrl(): string {
  return `claimtrack:offline/${crypto.randomUUID()}`;
}

/** Whether a string is one of Claimtrack's own source identifiers (and well formed). */
export function isNonWebSourceUrl(url: string): boolean {
  const trimmed = url.trim();
  return FILE_ID.test(trimmed) || OFFLINE_ID.test(trimmed);
}

/** The largest document an editor may upload as a source (server actions take 6 MB bodies). */
export const MAX_SOURCE_FILE_BYTES = 5 * 1024 * 1024;

// Types served under their own name when downloaded; everything else, HTML, SVG and XML
// above all (they can run script when opened from our origin), goes out as octet-stream.
const SAFE_TYPES: Record<string, string> = {
  pdf: "application/pdf",
  txt: "text/plain; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  md: "text/plain; charset=utf-8",
  json: "application/json",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  mp3: "audio/mpeg",
  m4a: "audio/mp4",
  wav: "audio/wav",
  ogg: "audio/ogg",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  odt: "application/vnd.oasis.opendocument.text",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  ppt: "application/vnd.ms-powerpoint",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
};

/** The Content-Type to serve a stored file with, chosen by its extension from a fixed list; never text/html. */
export function safeDownloadType(fileName: string | null): string {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName ?? "")?.[1]?.toLowerCase() ?? "";
  return SAFE_TYPES[ext] ?? "application/octet-stream";
}

/**
 * Control characters, and the bidirectional controls that make "report\u202Efdp.exe" read
 * as "reportexe.pdf": never part of a stored or served file name.
 */
const UNSAFE_IN_FILE_NAMES = /[\u0000-\u001f\u007f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** An uploaded file's name as stored: no directories, control or bidirectional characters; at most 255 long. */
export function cleanFileName(name: string): string {
  return name.replace(UNSAFE_IN_FILE_NAMES, "").replace(/^.*[\\/]/, "").slice(0, 255) || "upload";
}

/** A file name reduced to what is safe in a Content-Disposition header, plus its RFC 5987 form. */
export function contentDisposition(fileName: string): string {
  const cleaned =
    fileName
      .replace(UNSAFE_IN_FILE_NAMES, "_")
      .replace(/[/\\]/g, "_")
      .trim()
      .slice(0, 200) || "download";
  const ascii = cleaned.replace(/[^\x20-\x7e]/g, "_").replace(/["%;]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(cleaned)}`;
}
