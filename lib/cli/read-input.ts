import { readFile, stat } from "node:fs/promises";

/** A problem with the input file: reported on stderr, exit code 1. */
export class InputError extends Error {}

/** Reads all of a stream (standard input) into one buffer. */
async function readStream(stream: AsyncIterable<Uint8Array | string>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/**
 * Reads FILE (or stdin for "-") and decodes it as UTF-8, refusing binary data and invalid
 * UTF-8 rather than guessing: claim offsets are only meaningful in the text as decoded.
 */
export async function readInput(file: string, stdin: AsyncIterable<Uint8Array | string>): Promise<string> {
  const name = file === "-" ? "standard input" : file;
  let bytes: Buffer;
  if (file === "-") {
    bytes = await readStream(stdin);
  } else {
    const info = await stat(file).catch((e: NodeJS.ErrnoException) => {
      throw new InputError(e.code === "ENOENT" ? `${name}: no such file` : `${name}: cannot read (${e.code ?? e.message})`);
    });
    if (info.isDirectory()) throw new InputError(`${name}: is a directory, not a text file`);
    bytes = await readFile(file).catch((e: NodeJS.ErrnoException) => {
      throw new InputError(`${name}: cannot read (${e.code ?? e.message})`);
    });
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new InputError(`${name}: looks like binary data (NUL byte at offset ${nul}); expected UTF-8 text`);
  try {
    // The decoder drops a leading byte-order mark; offsets count from the text after it.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${name}: is not valid UTF-8 text`);
  }
}
