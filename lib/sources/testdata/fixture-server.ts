import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";

/** A running fixture server; `hostPort` is the FETCH_ALLOW_HOSTS entry that lets safeFetch reach it. */
export type FixtureServer = {
  origin: string;
  port: number;
  hostPort: string;
  /** Every request received, in order, for tests that check which method was used. */
  requests: { method: string; path: string; host: string }[];
  close: () => Promise<void>;
};

const PAGES_DIR = path.join(import.meta.dirname, "pages");
const OK_PAGE = "<!doctype html><html><head><title>Fixture OK</title></head><body><p>OK</p></body></html>";
/** How long the slow routes drip before giving up on their own, so no test run can leave them hanging. */
const DRIP_LIMIT_MS = 20_000;

/**
 * Starts a local HTTP server on 127.0.0.1 (a random port unless given) that serves
 * lib/sources/testdata/pages/* at /pages/NAME and the special routes safeFetch and the
 * link checker are tested against: redirect chains, redirects to arbitrary URLs, oversize,
 * slow and compressed bodies, error statuses and HEAD-refusing routes (see route()).
 */
export async function startFixtureServer(options: { port?: number } = {}): Promise<FixtureServer> {
  const requests: FixtureServer["requests"] = [];
  const sockets = new Set<import("node:net").Socket>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fixture.invalid");
    requests.push({ method: req.method ?? "GET", path: `${url.pathname}${url.search}`, host: req.headers.host ?? "" });
    route(url, req, res);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    hostPort: `127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function route(url: URL, req: http.IncomingMessage, res: http.ServerResponse): void {
  const parts = url.pathname.split("/").filter(Boolean);
  const [first = "", second = ""] = parts;
  const html = (status: number, body: string, headers: http.OutgoingHttpHeaders = {}) => {
    res.writeHead(status, { "content-type": "text/html; charset=utf-8", "content-length": Buffer.byteLength(body), ...headers });
    res.end(req.method === "HEAD" ? undefined : body);
  };
  const redirect = (status: number, location: string) => {
    res.writeHead(status, { location, "content-length": 0 });
    res.end();
  };
  switch (first) {
    case "ok":
      return html(200, OK_PAGE);
    case "pages": {
      // Only plain file names: no way out of the pages folder.
      if (!/^[\w.-]+$/.test(second)) return html(404, "not found");
      const file = path.join(PAGES_DIR, second);
      if (!fs.existsSync(file)) return html(404, "not found");
      return html(200, fs.readFileSync(file, "utf8"));
    }
    case "redirect": {
      // /redirect/N redirects N times, then lands on /ok.
      const left = Number(second);
      return redirect(302, left > 1 ? `/redirect/${left - 1}` : "/ok");
    }
    case "redirect-to":
      return redirect(Number(url.searchParams.get("status") ?? 302), url.searchParams.get("url") ?? "/ok");
    case "moved":
      return redirect(301, "/ok");
    case "status":
      return html(Number(second) || 500, `<p>status ${second}</p>`);
    case "head-refused": {
      // /head-refused/CODE answers HEAD with CODE; GET gets a page, or ?bytes=N bytes.
      if (req.method === "HEAD") return html(Number(second) || 405, "");
      const bytes = Number(url.searchParams.get("bytes"));
      return bytes > 0 ? streamBytes(res, bytes, false) : html(200, OK_PAGE);
    }
    case "tracked":
      // Like sites that redirect away their own tracking parameters.
      return url.search ? redirect(301, "/tracked") : html(200, OK_PAGE);
    case "save": {
      // A stand-in for the Wayback Machine's Save Page Now: redirects to the capture.
      const target = `${url.pathname.slice("/save/".length)}${url.search}`;
      return redirect(302, `/web/20240315091200/${target}`);
    }
    case "web":
      return html(200, "<p>archived copy</p>");
    case "report.pdf": {
      const body = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
      res.writeHead(200, { "content-type": "application/pdf", "content-length": body.length });
      return void res.end(req.method === "HEAD" ? undefined : body);
    }
    case "host":
      return html(200, req.headers.host ?? "");
    case "oversize":
      return streamBytes(res, 6 * 1024 * 1024, false);
    case "oversize-declared":
      return streamBytes(res, 64 * 1024 * 1024, true);
    case "gzip": {
      const body = zlib.gzipSync(OK_PAGE);
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip", "content-length": body.length });
      return void res.end(body);
    }
    case "gzip-bomb": {
      // 20 MB of spaces compress to about 20 KB: small on the wire, over the cap once decoded.
      const body = zlib.gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20));
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip", "content-length": body.length });
      return void res.end(body);
    }
    case "slow":
      return drip(res);
    case "slow-headers": {
      const timer = setTimeout(() => html(200, OK_PAGE), DRIP_LIMIT_MS);
      res.on("close", () => clearTimeout(timer));
      return;
    }
    default:
      return html(404, "<p>not found</p>");
  }
}

/** Sends `size` bytes in 64 KiB chunks, honouring back-pressure, with or without a Content-Length. */
function streamBytes(res: http.ServerResponse, size: number, declare: boolean): void {
  res.writeHead(200, { "content-type": "text/html", ...(declare ? { "content-length": size } : {}) });
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  let sent = 0;
  const pump = () => {
    while (sent < size && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once("drain", pump);
    }
    res.end();
  };
  pump();
}

/** Headers at once, then one byte every 100 ms: a body that never finishes within a test's timeout. */
function drip(res: http.ServerResponse): void {
  res.writeHead(200, { "content-type": "text/html" });
  const started = Date.now();
  const timer = setInterval(() => {
    if (Date.now() - started > DRIP_LIMIT_MS) {
      clearInterval(timer);
      res.end();
    } else res.write("a");
  }, 100);
  res.on("close", () => clearInterval(timer));
}
