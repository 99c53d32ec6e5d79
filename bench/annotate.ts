import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { NEXT_NODE_ARGS, buildIfNeeded, nextBin, root } from "../scripts/build";

// `npm run bench:annotate`: a 2,000-claim article on a production build. Measures, in one
// run: first paint of the annotate page against the bare text page of the same article
// (Chromium, median of 7 loads each), how many claim items the virtualised list renders,
// how long moving to the next claim with "j" keeps the page busy, and the server round
// trip of tagging a claim (the API's PATCH, the same data function as the page's save,
// 300 times in sequence).
// --claims N seeds N claims instead of 2,000.

type Seed = { articleId: string; claimCount: number; claimIds: string[]; token: string; cookie: string };
const median = (xs: number[]) => {
  const ok = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return ok[Math.floor(ok.length / 2)] ?? NaN;
};
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function start(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...NEXT_NODE_ARGS, nextBin, "start", "-p", String(port)], { cwd: root, env: { ...process.env, ...env }, stdio: "ignore" });
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

console.log(`Claimtrack annotate benchmark — ${new Date().toISOString()}, ${os.cpus().length} cores, Node ${process.version}`);
buildIfNeeded();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimtrack-annotate-"));
const claimsArg = process.argv.indexOf("--claims");
const env = { BENCH_CLAIMS: claimsArg > 0 ? String(Number(process.argv[claimsArg + 1])) : "2000", CLAIMTRACK_DATA_DIR: dir, NEXTAUTH_SECRET: "annotate-benchmark-secret-annotate-benchmark", AUTH_TRUST_HOST: "1", LOG_LEVEL: "warn", NEXT_TELEMETRY_DISABLED: "1" };
const seeded = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "bench/annotate-seed.ts"], {
  cwd: root,
  env: { ...process.env, ...env },
  encoding: "utf8",
  maxBuffer: 64 * 1024 * 1024,
});
if (seeded.status !== 0) throw new Error(seeded.stderr);
const seed = JSON.parse(seeded.stdout) as Seed;
const server = await start(env);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addCookies([{ name: "next-auth.session-token", value: seed.cookie, url: server.url }]);
  const page = await context.newPage();
  const paint = async (url: string) => {
    await page.goto(url, { waitUntil: "load" });
    return page.evaluate(async () => {
      // FCP can be reported a moment after "load": wait for it (buffered) up to 3 s.
      const fcp = await new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName("first-contentful-paint")[0];
          if (entry) resolve(entry.startTime);
        }).observe({ type: "paint", buffered: true });
        setTimeout(() => resolve(NaN), 3_000);
      });
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      return { fcp, ttfb: nav.responseStart, load: nav.loadEventEnd, bytes: nav.transferSize };
    });
  };
  const bare = `${server.url}/articles/${seed.articleId}/text`;
  const annotate = `${server.url}/articles/${seed.articleId}`;
  await paint(bare);
  await paint(annotate); // warm both routes
  const bareRuns = [];
  const annotateRuns = [];
  for (let i = 0; i < 7; i++) {
    bareRuns.push(await paint(bare));
    annotateRuns.push(await paint(annotate));
  }
  await page.getByRole("list", { name: "Claims" }).getByRole("listitem").first().waitFor();
  const rendered = await page.getByRole("list", { name: "Claims" }).getByRole("listitem").count();
  const fcpBare = median(bareRuns.map((r) => r.fcp));
  const fcpAnnotate = median(annotateRuns.map((r) => r.fcp));
  console.log(`\nArticle: ${seed.claimCount} claims. Claim items rendered by the virtualised list: ${rendered}.`);
  console.log("\n| page | first byte (median ms) | first contentful paint (median ms) | load event (median ms) | transfer (kB) |");
  console.log("| --- | --- | --- | --- | --- |");
  for (const [name, runs] of [["bare text", bareRuns], ["annotate", annotateRuns]] as const) {
    console.log(`| ${name} | ${median(runs.map((r) => r.ttfb)).toFixed(0)} | ${median(runs.map((r) => r.fcp)).toFixed(0)} | ${median(runs.map((r) => r.load)).toFixed(0)} | ${(runs[0]!.bytes / 1024).toFixed(0)} |`);
  }
  console.log(`\nfirst paint ratio annotate / bare: ${(fcpAnnotate / fcpBare).toFixed(2)}× (target < 2×)`);

  // Moving between claims from the keyboard: from a "j" keydown to the frame after it,
  // 40 presses from the first claim on (the article text marks the selected claim).
  await page.locator("fieldset.workspace[data-hydrated]").waitFor();
  await page.getByRole("list", { name: "Claims" }).getByRole("listitem").first().focus();
  await page.evaluate(() => {
    const w = window as unknown as { moves: number[] };
    w.moves = [];
    document.addEventListener(
      "keydown",
      (e) => {
        if (e.key !== "j") return;
        const t0 = performance.now();
        requestAnimationFrame(() => setTimeout(() => w.moves.push(performance.now() - t0)));
      },
      true,
    );
  });
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("j");
    await page.waitForFunction((n) => (window as unknown as { moves: number[] }).moves.length > n, i);
  }
  const moves = await page.evaluate(() => (window as unknown as { moves: number[] }).moves);
  console.log("\n| moving to the next claim (j) | p50 ms | p95 ms | max ms |");
  console.log("| --- | --- | --- | --- |");
  console.log(`| keydown to the next frame (40) | ${pct(moves, 50).toFixed(1)} | ${pct(moves, 95).toFixed(1)} | ${Math.max(...moves).toFixed(1)} |`);

  // Tagging through the API: sequential PATCHes of different claims.
  const api: number[] = [];
  const tags = ["stated", "disputed", "attributed"];
  for (let i = 0; i < 300; i++) {
    const id = seed.claimIds[(i * 7) % seed.claimIds.length]!;
    const current = (await (await fetch(`${server.url}/api/v1/claims/${id}`, { headers: { authorization: `Bearer ${seed.token}` } })).json()) as { version: number };
    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/v1/claims/${id}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${seed.token}`, "content-type": "application/json" },
      body: JSON.stringify({ tag: tags[i % 3], version: current.version }),
    });
    await res.arrayBuffer();
    api.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`PATCH answered ${res.status}`);
  }
  console.log("\n| tagging a claim | p50 ms | p95 ms | max ms |");
  console.log("| --- | --- | --- | --- |");
  console.log(`| API PATCH, server round trip (300) | ${pct(api, 50).toFixed(1)} | ${pct(api, 95).toFixed(1)} | ${Math.max(...api).toFixed(1)} |`);
  console.log(`\ntag round trip p95 target < 50 ms: API ${pct(api, 95).toFixed(1)} ms`);
} finally {
  await browser.close();
  server.child.kill("SIGTERM");
  fs.rmSync(dir, { recursive: true, force: true });
}
