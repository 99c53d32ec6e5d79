import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");
export const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
/** Node options for every `next start`: X-Forwarded-For from the socket, not the client (scripts/client-address.mjs). */
export const NEXT_NODE_ARGS = ["--import", path.join(root, "scripts", "client-address.mjs")];

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

/** Runs `next build` unless the last build used the same sources. */
export function buildIfNeeded(): void {
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

