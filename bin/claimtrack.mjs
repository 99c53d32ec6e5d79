#!/usr/bin/env node
// Entry point of `npx claimtrack`. The engine is TypeScript (lib/), loaded through tsx so
// the CLI and the app share one source; paths resolve from this file, not the cwd.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import(new URL("../lib/cli/main.ts", import.meta.url).href);

// A closed pipe (`claimtrack split f | head`) is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: (chunk) => process.stdout.write(chunk),
    stderr: (chunk) => process.stderr.write(chunk),
  });
} catch (error) {
  process.stderr.write(`claimtrack: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 70;
}
