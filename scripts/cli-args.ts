import { parseArgs } from "node:util";

/** Parses --flag value options, exiting with a clear message on unknown or missing ones. */
export function parseOptions<T extends Record<string, { type: "string" | "boolean" }>>(options: T, usage: string) {
  try {
    return parseArgs({ options, allowPositionals: false, strict: true }).values;
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : err}\nUsage: ${usage}`);
    process.exit(2);
  }
}

/** Prints an error and exits non-zero. */
export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
