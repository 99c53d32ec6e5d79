import { splitClaims } from "../claims/split";
import { suggestTags } from "../claims/suggest";
import { parseArgs, USAGE, UsageError } from "./args";
import { formatListing, toRecords } from "./format";
import { InputError, readInput } from "./read-input";

/** The streams the command uses, passed in so tests can run it in-process too. */
export type CliIo = {
  stdin: AsyncIterable<Uint8Array | string>;
  stdout: (chunk: string) => void;
  stderr: (chunk: string) => void;
};

/** Runs `claimtrack` with argv (no node/script); resolves to the process exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.command === "help") {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const text = await readInput(args.file, io.stdin);
    const spans = splitClaims(text);
    const records = toRecords(text, spans, args.suggest ? suggestTags(text, spans) : null);
    io.stdout(args.json ? `${JSON.stringify(records, null, 2)}\n` : formatListing(records));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`claimtrack: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      io.stderr(`claimtrack: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
