import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { buildIfNeeded, nextBin, root } from "../scripts/build";
import { findPostgresBin } from "../lib/postgres-bin";
import { startTestPostgres } from "../scripts/postgres-server";

// `npm run bench:load`: a production build on loopback, seeded with 200 articles of 100
// claims, driven by autocannon for 60 s with 50 connections (simulated editors) split over
// five kinds of request, run side by side; a static file measured first in the same run
// is the baseline. On SQLite, and on PostgreSQL when it is installed.
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
  const command = many ? ["--import", "tsx", "scripts/instances.ts", env.CLAIMTRACK_INSTANCES!] : [...profile, nextBin];
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

function run(url: string, connections: number, duration: number, kind: Kind | null, data: Seed | null): Promise<autocannon.Result> {
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
      : { requests: [{ method: "GET", path: "/robots.txt" }] }),
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
      const body = JSON.stringify({ url: `https://example.org/load/${ctx.n % 500}`, title: "Load source", relation: "supports", quote: "q" });
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
    const worst = Math.max(...rows.slice(1).map((r) => r.p99));
    const errors = rows.slice(1).reduce((n, r) => n + r.errors + r.non2xx, 0);
    console.log(`worst p99 ${worst} ms (target < 250 ms); errors and non-2xx ${errors} (target 0)`);
    for (const [key, { count, sample }] of failures) console.log(`  ${key} × ${count}, e.g. ${sample}`);
    failures.clear();
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
