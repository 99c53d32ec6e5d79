import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env, getSessionSecret } from "@/lib/env";
import { prepareDatabase } from "./setup";

// `npm start`: migrate, seed demo data on first start, build when the sources changed
// since the last build, then serve. `--dev` serves with `next dev` instead.

const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const isDev = process.argv.includes("--dev");

/** A fingerprint of everything the production build depends on. */
function sourceFingerprint(): string {
  const hash = crypto.createHash("sha256");
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        if (name === "generated" || name === "node_modules" || name.endsWith(".test.ts")) continue;
        visit(path.join(p, name));
      }
    } else {
      hash.update(`${path.relative(root, p)}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  for (const p of ["app", "components", "lib", "public", "next.config.js", "package-lock.json", "prisma/schema.prisma", "tsconfig.json"]) {
    visit(path.join(root, p));
  }
  return hash.digest("hex");
}

function buildIfNeeded(): void {
  const stampFile = path.join(root, ".next", "claimtrack-build-stamp");
  const fingerprint = sourceFingerprint();
  const built = fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(stampFile)
    && fs.readFileSync(stampFile, "utf8") === fingerprint;
  if (built) return;
  console.log("Building the app (first start, or the sources changed)…");
  const result = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) {
    console.error("The build failed; see the messages above.");
    process.exit(result.status ?? 1);
  }
  fs.writeFileSync(stampFile, fingerprint);
}

async function main(): Promise<void> {
  await prepareDatabase({ seedDemo: true });
  if (!isDev) buildIfNeeded();
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NEXTAUTH_SECRET: getSessionSecret(),
    NEXT_TELEMETRY_DISABLED: "1",
    // Without a configured public URL, trust the Host header (fine for a local or
    // single-host install; production sets NEXTAUTH_URL, see README "Deploying").
    ...(env.NEXTAUTH_URL ? {} : { AUTH_TRUST_HOST: "1" }),
  };
  const args = [nextBin, isDev ? "dev" : "start", "-p", String(env.PORT)];
  console.log(`Claimtrack on http://localhost:${env.PORT}${env.isDemo ? " (demo mode: see README for the accounts)" : ""}`);
  const child = spawn(process.execPath, args, { cwd: root, stdio: "inherit", env: childEnv });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
