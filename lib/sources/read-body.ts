import type { IncomingMessage } from "node:http";
import { pipeline, type Transform } from "node:stream";
import zlib from "node:zlib";

/**
 * Reads a response body, decompressing gzip, deflate and br, and gives up (returning null)
 * as soon as the decoded bytes pass maxBytes, so neither a huge body nor a compression
 * bomb is ever held in memory. An abort of the signal destroys the stream mid-body.
 */
export async function readLimitedBody(res: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<Uint8Array | null> {
  const decoder = decoderFor(res.headers["content-encoding"]);
  const stream = decoder ? pipeline(res, decoder, () => {}) : res;
  const onAbort = () => {
    res.destroy(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
    decoder?.destroy(new Error("aborted"));
  };
  if (signal.aborted) onAbort();
  signal.addEventListener("abort", onAbort, { once: true });
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buf = chunk as Buffer;
      size += buf.length;
      if (size > maxBytes) {
        res.destroy();
        decoder?.destroy();
        return null;
      }
      chunks.push(buf);
    }
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
  // The stream ended without error; a server that closed early is caught by Node as "aborted".
  return new Uint8Array(Buffer.concat(chunks, size));
}

function decoderFor(encoding: string | undefined): Transform | null {
  switch (encoding?.trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return zlib.createGunzip();
    case "deflate":
      return zlib.createInflate();
    case "br":
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}
