import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { root } from "../scripts/build";

// `npm run bench:next-floor`: what Next.js itself allows on this machine, with none of
// Claimtrack in it. It builds a bare Next.js app (this repo's own next, react and
// react-dom, hard-linked into a temporary directory, since Turbopack follows no symlink out
// of an app's root; no proxy, no layout work, no session, no database), and
// drives it the way `bench:load` drives Claimtrack: 50 autocannon connections for
// --seconds N (default 15) on each of
//   - a static file from public/ (bench:load's baseline is also such a file);
//   - a dynamic page that renders one paragraph;
//   - a route handler that answers {"ok":true};
// and, for scale, Node's own http server answering the page's HTML. The ratios say how far
// from the static file Next.js puts a page, or an API route, that does no work at all.

const args = process.argv.slice(2);
const seconds = Number(args[args.indexOf("--seconds") + 1]) || 15;
const CONNECTIONS = 50;
// The copy's own next: from the repo's, Next.js would load a second React for the app.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimtrack-next-floor-"));
const nextBin = path.join(dir, "node_modules", "next", "dist", "bin", "next");

const FILES: Record<string, string> = {
  "next.config.js": "export default { poweredByHeader: false, typescript: { ignoreBuildErrors: true } };\n",
  "package.json": JSON.stringify({ name: "next-floor", private: true, type: "module" }, null, 2),
  "tsconfig.json": JSON.stringify(
    {
      compilerOptions: { target: "ES2022", lib: ["dom", "esnext"], jsx: "react-jsx", module: "esnext", moduleResolution: "bundler", strict: true, skipLibCheck: true, noEmit: true, isolatedModules: true, esModuleInterop: true, allowJs: true, incremental: false },
      include: ["**/*.ts", "**/*.tsx"],
    },
    null,
    2,
  ),
  "public/static.txt": "User-agent: *\nDisallow:\n",
  "app/layout.tsx": `export default function RootLayout({ children }: { children: React.ReactNode }) {
  return <html lang="en"><body>{children}</body></html>;
}
`,
  "app/page.tsx": `export const dynamic = "force-dynamic";
export default function Page() {
  return <main><p>Nothing on this page reads anything.</p></main>;
}
`,
  "app/api/ok/route.ts": `export const dynamic = "force-dynamic";
export function GET() {
  return Response.json({ ok: true });
}
`,
};

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function writeApp(): void {
  for (const [name, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  const linked = spawnSync("cp", ["-al", path.join(root, "node_modules"), path.join(dir, "node_modules")], { stdio: "inherit" });
  if (linked.status !== 0) throw new Error("could not hard-link node_modules into the bare app (cp -al)");
  const built = spawnSync(process.execPath, [nextBin, "build"], { cwd: dir, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (built.status !== 0) throw new Error("the bare Next.js app did not build");
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer`);
}

type Row = { name: string; rps: number; p50: number; p99: number; errors: number };

async function drive(name: string, url: string): Promise<Row> {
  await autocannon({ url, connections: 2, duration: 2 }); // warm up
  const r = await autocannon({ url, connections: CONNECTIONS, duration: seconds });
  return { name, rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

async function main(): Promise<void> {
  console.log(`building a bare Next.js ${JSON.parse(fs.readFileSync(path.join(root, "node_modules", "next", "package.json"), "utf8")).version} app in ${dir}…`);
  writeApp();
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [nextBin, "start", "-p", String(port)], { cwd: dir, stdio: "ignore", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const base = `http://127.0.0.1:${port}`;
  const rows: Row[] = [];
  try {
    await waitFor(`${base}/static.txt`);
    rows.push(await drive("static file (public/static.txt)", `${base}/static.txt`));
    rows.push(await drive("dynamic page, one paragraph", `${base}/`));
    rows.push(await drive("route handler, {\"ok\":true}", `${base}/api/ok`));
    const html = await (await fetch(`${base}/`)).text();
    const plain = http.createServer((_, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html));
    const plainPort = await freePort();
    await new Promise<void>((resolve) => plain.listen(plainPort, "127.0.0.1", resolve));
    rows.push(await drive("node:http, the page's HTML as a string", `http://127.0.0.1:${plainPort}/`));
    plain.close();
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const staticRps = rows[0]!.rps;
  console.log(`\n| request (bare Next.js, ${CONNECTIONS} connections, ${seconds} s) | req/s | p50 ms | p99 ms | errors | static ÷ this |`);
  console.log("| --- | --- | --- | --- | --- | --- |");
  for (const r of rows) console.log(`| ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${(staticRps / Math.max(1, r.rps)).toFixed(2)}× |`);
}

await main();
