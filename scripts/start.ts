import { spawn } from "node:child_process";
import { env, getSessionSecret } from "@/lib/env";
import { prepareDatabase } from "./setup";
import { NEXT_NODE_ARGS, buildIfNeeded, nextBin, root } from "./build";
import { startInstances } from "./instances";

// `npm start`: migrate, seed demo data on first start, build when the sources changed
// since the last build, then serve: one process, or CLAIMTRACK_INSTANCES of them on the
// same port (scripts/instances.ts). `--dev` serves with `next dev` instead.

const isDev = process.argv.includes("--dev");

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
  const instances = isDev ? 1 : env.CLAIMTRACK_INSTANCES;
  console.log(
    `Claimtrack on http://localhost:${env.PORT}${instances > 1 ? ` (${instances} instances)` : ""}${env.isDemo ? " (demo mode: see README for the accounts)" : ""}`,
  );
  if (instances > 1) return startInstances(instances, ["start", "-p", String(env.PORT)], childEnv);
  const args = [...NEXT_NODE_ARGS, nextBin, isDev ? "dev" : "start", "-p", String(env.PORT)];
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
