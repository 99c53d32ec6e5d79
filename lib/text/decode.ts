import { AppError } from "../errors";

/**
 * Decodes uploaded bytes as UTF-8 text, refusing what is not text: invalid UTF-8,
 * NUL bytes or other binary control characters. A leading byte-order mark is dropped.
 */
export function decodeUtf8Text(bytes: Uint8Array, what = "The file"): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AppError("validation_failed", `${what} is not valid UTF-8 text; save it as UTF-8 and try again`);
  }
  if (hasBinaryControls(text)) {
    throw new AppError("validation_failed", `${what} is not a text file (it contains binary data)`);
  }
  return text;
}

/** True when the text holds control characters other than tab, line feed, carriage return and form feed. */
export function hasBinaryControls(text: string): boolean {
  return /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text);
}

/** Normalises line endings to \n and drops trailing white space, before text is stored. */
export function normalizeArticleText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+$/gm, "")
    .replace(/^\n+/, "")
    .trimEnd();
}
