import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { NEXT_NODE_ARGS, buildIfNeeded, nextBin, root } from "../scripts/build";
import { findPostgresBin } from "../lib/postgres-bin";
import { startTestPostgres } from "../scripts/postgres-server";

// `npm run bench:load`: a production build on loopback, seeded with 200 articles of 100
// claims, driven by autocannon for 60 s with 50 connections (simulated editors) split over
// five kinds of request, run side by side; a static file measured first in the same run
// is the baseline. On SQLite, and on PostgreSQL when it is installed.
// Then the same mix arrives at set rates instead (open loop, see `paced`): the rates at
// which every kind's p99 stays under 250 ms are what the machine holds a desk to.
// Options: --seconds N (default 60), --only sqlite|postgresql, --instances N (on
// PostgreSQL: N server processes on the port, as `npm start` runs CLAIMTRACK_INSTANCES).

const args = process.argv.slice(2);
const seconds = Number(args[args.indexOf("--seconds") + 1]) || 60;
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : null;
const instances = args.includes("--instances") ? Number(args[args.indexOf("--instances") + 1]) : 1;

type Seed = { editors: { token: string; cookie: string }[]; articles: { id: string; claims: string[] }[] };
type Kind = { name: string; connections: number; request: (ctx: Ctx) => autocannon.Request; onResponse?: (status: number, body: string, ctx: Ctx) => void };
type Ctx = { n: number; article: Seed["articles"][number]; editor: Seed["editors"][number] };

// The version each claim was last seen at, from the PATCH answers. Shared, not per
// connection: autocannon may hand onResponse another context object than setupRequest,
// and a connection that came back to a claim with a forgotten version got a 409. Claims
// are not shared between connections, so these never race.
const versions = new Map<string, number>();
let linkSerial = 0;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function seed(env: Record<string, string>): Seed {
  const r = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "bench/load-seed.ts"], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`seeding failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Seed;
}

async function startServer(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  // --profile DIR writes a CPU profile of the server (for finding what is slow).
  const profile = args.includes("--profile") ? ["--cpu-prof", `--cpu-prof-dir=${args[args.indexOf("--profile") + 1]}`] : [];
  const many = Number(env.CLAIMTRACK_INSTANCES ?? 1) > 1;
  const command = many ? ["--import", "tsx", "scripts/instances.ts", env.CLAIMTRACK_INSTANCES!] : [...profile, ...NEXT_NODE_ARGS, nextBin];
  const child = spawn(process.execPath, [...command, "start", "-p", String(port)], { cwd: root, env: { ...process.env, ...env }, stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, child };
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("server did not start");
}

/** Non-2xx answers by kind, status and error code, with one body each: what went wrong, not only how often. */
const failures = new Map<string, { count: number; sample: string }>();

function noteFailure(kind: string, status: number, body: string) {
  const code = /"code":"([\w-]+)"/.exec(body)?.[1] ?? "";
  const key = `${kind}: ${status} ${code}`;
  const seen = failures.get(key);
  if (seen) seen.count++;
  else failures.set(key, { count: 1, sample: body.slice(0, 300) });
}

function run(url: string, connections: number, duration: number, kind: Kind | null, data: Seed | null, path = "/robots.txt"): Promise<autocannon.Result> {
  let next = 0;
  const contexts = new WeakMap<object, Ctx>();
  const ctxOf = (context: object): Ctx => {
    let c = contexts.get(context);
    if (!c && data) {
      const n = next++;
      c = { n, article: data.articles[n % data.articles.length]!, editor: data.editors[n % data.editors.length]! };
      contexts.set(context, c);
    }
    return c!;
  };
  return autocannon({
    url,
    connections,
    duration,
    ...(kind && data
      ? {
          requests: [
            {
              setupRequest: (req: autocannon.Request, context: object) => ({ ...req, ...kind.request(ctxOf(context)) }),
              onResponse: (status: number, body: string, context: object) => {
                if (status >= 300) noteFailure(kind.name, status, body);
                kind.onResponse?.(status, body, ctxOf(context));
              },
            },
          ],
        }
      : { requests: [{ method: "GET", path }] }),
  } as autocannon.Options);
}

const json = (ctx: Ctx) => ({ authorization: `Bearer ${ctx.editor.token}`, "content-type": "application/json" });
const TAGS = ["stated", "disputed", "attributed"] as const;

const KINDS: Kind[] = [
  {
    name: "annotate page (HTML)",
    connections: 10,
    request: (ctx) => ({ method: "GET", path: `/articles/${ctx.article.id}`, headers: { cookie: ctx.editor.cookie } }),
  },
  {
    name: "load article (API)",
    connections: 10,
    request: (ctx) => ({ method: "GET", path: `/api/v1/articles/${ctx.article.id}`, headers: json(ctx) }),
  },
  {
    name: "tag claim (API PATCH)",
    connections: 15,
    request: (ctx) => {
      const claim = ctx.article.claims[ctx.n++ % ctx.article.claims.length]!;
      const body = JSON.stringify({ tag: TAGS[ctx.n % 3], version: versions.get(claim) ?? 1 });
      return { method: "PATCH", path: `/api/v1/claims/${claim}`, headers: json(ctx), body };
    },
    onResponse: (status, body) => {
      const parsed = JSON.parse(body) as { id?: string; version?: number; claim?: { id: string; version: number } };
      const claim = status === 200 ? parsed : parsed.claim;
      if (claim?.id && claim.version) versions.set(claim.id, claim.version);
    },
  },
  {
    name: "add source (API POST)",
    connections: 5,
    request: (ctx) => {
      const claim = ctx.article.claims[ctx.n++ % ctx.article.claims.length]!;
      // 500 sources, found again and again; each link its own quote, numbered across every
      // phase of the run, since the same link twice is refused (409).
      const body = JSON.stringify({ url: `https://example.org/load/${ctx.n % 500}`, title: "Load source", relation: "supports", quote: `q ${++linkSerial}` });
      return { method: "POST", path: `/api/v1/claims/${claim}/sources`, headers: json(ctx), body };
    },
  },
  {
    name: "read report (API)",
    connections: 10,
    request: (ctx) => ({ method: "GET", path: `/api/v1/articles/${ctx.article.id}/report`, headers: json(ctx) }),
  },
];

// The last 10 articles are for warming up; each kind's connections own different ones
// of the rest, so PATCHes never race and every claim's version is known.
const WARM_UP = 10;
/** The open-loop rates, as shares of the closed loop's throughput. */
const PACED_SHARES = [0.25, 0.4, 0.55, 0.7];
/** The simulated editors: every kind's connections together, as many as the static baseline uses. */
const CONNECTIONS = KINDS.reduce((n, k) => n + k.connections, 0);
function partition(data: Seed, index: number): Seed {
  return { editors: data.editors, articles: data.articles.slice(0, -WARM_UP).filter((_, i) => i % KINDS.length === index) };
}

type Row = { kind: string; requests: number; rps: number; p50: number; p95: number; p99: number; errors: number; non2xx: number };

function rowOf(kind: string, r: autocannon.Result): Row {
  const l = r.latency as unknown as Record<string, number>;
  return {
    kind,
    requests: r.requests.total,
    rps: Math.round(r.requests.average),
    p50: l.p50 ?? 0,
    p95: l.p95 ?? l.p97_5 ?? 0,
    p99: l.p99 ?? 0,
    errors: r.errors, // timeouts included
    non2xx: r.non2xx,
  };
}

/**
 * Reads every claim's version afresh. When the closed loop stops, autocannon drops the
 * answers still on their way, though the server has applied those tags, so up to one
 * claim per tag connection would otherwise be sent with an old version (a 409).
 */
async function refreshVersions(url: string, data: Seed): Promise<void> {
  const headers = { authorization: `Bearer ${data.editors[0]!.token}` };
  for (const article of data.articles) {
    const response = await fetch(`${url}/api/v1/articles/${article.id}`, { headers });
    const { claims } = (await response.json()) as { claims: { id: string; version: number }[] };
    for (const c of claims) versions.set(c.id, c.version);
  }
}

/** Latency percentiles (ms) of a list of latencies. */
function percentiles(latencies: number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/**
 * The mix again, but open loop. The closed loop sends each connection's next request the
 * moment the last is answered, so it measures the most the server can do, and every
 * request waits behind 49 others. Here requests arrive at `rate` a second in all, at
 * random (Poisson) moments, as requests from a desk of editors working independently do.
 * Each kind's share of them is its share of the connections: a fifth are annotate pages,
 * against about a sixteenth in the closed loop, where a slow page holds its connection.
 * A request's latency counts from the moment it was due, not from when it was sent, so a
 * server that falls behind cannot hide it (coordinated omission).
 */
async function paced(url: string, data: Seed, rate: number, seconds: number): Promise<Row[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const target = new URL(url);
  // A kept-alive socket the server closed (after its 5-s keep-alive timeout) just as a
  // request went out on it fails with ECONNRESET before the server saw the request; as
  // Node's documentation advises, such a request is sent again once on a new socket.
  const send = (req: autocannon.Request, retried = false): Promise<{ status: number; body: string }> =>
    new Promise((resolve) => {
      const body = typeof req.body === "string" ? req.body : undefined;
      const r = http.request(
        { host: target.hostname, port: target.port, agent, method: req.method, path: req.path, headers: { ...(req.headers as Record<string, string>), ...(body ? { "content-length": String(Buffer.byteLength(body)) } : {}) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        },
      );
      r.setTimeout(10_000, () => r.destroy(new Error("timeout")));
      r.on("error", (err: NodeJS.ErrnoException) =>
        resolve(r.reusedSocket && err.code === "ECONNRESET" && !retried ? send(req, true) : { status: 0, body: err.message }),
      );
      r.end(body);
    });
  const rows = await Promise.all(
    KINDS.map(async (kind, index) => {
      const share = (rate * kind.connections) / CONNECTIONS;
      const mine = partition(data, index);
      const latencies: number[] = [];
      let errors = 0;
      let non2xx = 0;
      const pending: Promise<void>[] = [];
      const start = performance.now();
      let due = start;
      // One simulated editor per arrival, in turn, each on the kind's own articles.
      for (let n = 0; ; n++) {
        due += (-Math.log(1 - Math.random()) * 1000) / share;
        if (due - start > seconds * 1000) break;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const ctx: Ctx = { n, article: mine.articles[n % mine.articles.length]!, editor: data.editors[n % data.editors.length]! };
        const scheduled = due;
        pending.push(
          send(kind.request(ctx)).then(({ status, body }) => {
            if (status === 0) {
              errors++;
              noteFailure(kind.name, 0, body);
            } else if (status >= 300) {
              non2xx++;
              noteFailure(kind.name, status, body);
            } else latencies.push(performance.now() - scheduled);
            if (status !== 0) kind.onResponse?.(status, body, ctx);
          }),
        );
      }
      await Promise.all(pending);
      return { kind: kind.name, requests: pending.length, rps: Math.round(pending.length / seconds), ...percentiles(latencies), errors, non2xx };
    }),
  );
  agent.destroy();
  return rows;
}

async function benchDatabase(kind: "sqlite" | "postgresql"): Promise<void> {
  const pgServer = kind === "postgresql" ? await startTestPostgres() : null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimtrack-load-"));
  const env: Record<string, string> = {
    CLAIMTRACK_DATA_DIR: dir,
    NEXTAUTH_SECRET: "load-benchmark-secret-load-benchmark-secret",
    AUTH_TRUST_HOST: "1",
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
    // A pool connection for every simulated editor, shared out over the instances: with 20
    // in all, requests queued for a connection while the CPU had room (76–80 req/s against
    // 89–104 with 45, measured; BENCHMARKS.md "Load", fourth round).
    ...(pgServer ? { DATABASE_URL: pgServer.url, DATABASE_POOL_SIZE: String(Math.ceil(CONNECTIONS / instances)), CLAIMTRACK_INSTANCES: String(instances) } : {}),
  };
  console.log(`\n## ${kind}: seeding 200 articles × 100 claims…`);
  const t0 = Date.now();
  const data = seed(env);
  console.log(`seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const server = await startServer(env);
  try {
    // Warm up every route once so first-request compilation does not count.
    const warm = { editors: data.editors, articles: data.articles.slice(-WARM_UP) };
    for (const k of KINDS) await run(server.url, 2, 2, k, warm);
    const baseline = rowOf("static file (baseline)", await run(server.url, CONNECTIONS, Math.min(20, seconds), null, null));
    // What Next.js itself costs for a page: one that reads nothing and needs no sign-in.
    await run(server.url, 2, 2, null, null, "/forbidden");
    const floor = rowOf("page with no data", await run(server.url, CONNECTIONS, Math.min(10, seconds), null, null, "/forbidden"));
    const results = await Promise.all(KINDS.map((k, i) => run(server.url, k.connections, seconds, k, partition(data, i))));
    const rows = [baseline, ...KINDS.map((k, i) => rowOf(k.name, results[i]!))];
    for (const [i, r] of results.entries()) {
      // autocannon counts a request still unanswered after 10 s as a timeout.
      if (r.errors > 0) noteFailure(KINDS[i]!.name, 0, `${r.timeouts} timeouts, ${r.errors - r.timeouts} other connection errors`);
    }
    const mixed = rows.slice(1).reduce((n, r) => n + r.rps, 0);
    const servers = env.CLAIMTRACK_INSTANCES && instances > 1 ? `, ${instances} instances` : "";
    console.log(`\n| request (${kind}${servers}, ${seconds} s) | conn | requests | req/s | p50 ms | p95 ms | p99 ms | errors | non-2xx |`);
    console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for (const [i, r] of rows.entries()) {
      const conn = i === 0 ? CONNECTIONS : KINDS[i - 1]!.connections;
      console.log(`| ${r.kind} | ${conn} | ${r.requests} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ${r.non2xx} |`);
    }
    console.log(`\nmixed load: ${mixed} req/s in all; static baseline ${baseline.rps} req/s; ratio ${(baseline.rps / Math.max(1, mixed)).toFixed(2)}× (target ≤ 3×)`);
    console.log(
      `a page with no data (/forbidden): ${floor.rps} req/s, p99 ${floor.p99} ms; ratio to static ${(baseline.rps / Math.max(1, floor.rps)).toFixed(2)}×, to the mix ${(floor.rps / Math.max(1, mixed)).toFixed(2)}×`,
    );
    const worst = Math.max(...rows.slice(1).map((r) => r.p99));
    const errors = rows.slice(1).reduce((n, r) => n + r.errors + r.non2xx, 0);
    console.log(`worst p99 ${worst} ms (target < 250 ms); errors and non-2xx ${errors} (target 0)`);
    for (const [key, { count, sample }] of failures) console.log(`  ${key} × ${count}, e.g. ${sample}`);
    failures.clear();

    // Open loop, at rising shares of what the closed loop reached.
    await refreshVersions(server.url, data);
    const steps = PACED_SHARES.map((share) => Math.max(5, Math.round(mixed * share)));
    const stepSeconds = Math.max(5, Math.round(seconds / 3));
    const held: number[] = [];
    const heldApi: number[] = [];
    for (const rate of steps) {
      const stepRows = await paced(server.url, data, rate, stepSeconds);
      console.log(`\n| request (${kind}${servers}, open loop at ${rate} req/s, ${stepSeconds} s) | requests | req/s | p50 ms | p95 ms | p99 ms | errors | non-2xx |`);
      console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
      for (const r of stepRows) console.log(`| ${r.kind} | ${r.requests} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ${r.non2xx} |`);
      const holds = (rows: Row[]) => rows.every((r) => r.p99 < 250 && r.errors + r.non2xx === 0);
      if (holds(stepRows)) held.push(rate);
      if (holds(stepRows.filter((r) => r.kind.includes("(API")))) heldApi.push(rate);
      for (const [key, { count, sample }] of failures) console.log(`  ${key} × ${count}, e.g. ${sample}`);
      failures.clear();
    }
    // Which steps held, not only the highest: a p99 over a few hundred requests is noisy,
    // and a lower step can miss where a higher one held.
    const at = (rates: number[]) => (rates.length === 0 ? "at none of the steps" : `at ${rates.join(", ")} req/s`);
    console.log(`\nopen loop, steps ${steps.join(", ")} req/s (closed loop: ${mixed}): every p99 under 250 ms with 0 errors ${at(held)}; the API's alone ${at(heldApi)}`);
  } finally {
    server.child.kill("SIGTERM");
    pgServer?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`Claimtrack load benchmark — ${new Date().toISOString()}, ${os.cpus().length} cores, Node ${process.version}`);
buildIfNeeded();
if (only !== "postgresql") await benchDatabase("sqlite");
if (only !== "sqlite") {
  if (findPostgresBin()) await benchDatabase("postgresql");
  else console.log("\nPostgreSQL is not installed: skipped.");
}
