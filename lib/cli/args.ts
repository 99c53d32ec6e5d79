/** What the command line asked for. */
export type SplitOptions = { command: "split"; file: string; suggest: boolean; json: boolean };
export type ParsedArgs = SplitOptions | { command: "help" };

/** A usage mistake: reported on stderr with the usage text, exit code 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: claimtrack split FILE [--suggest] [--json]

Splits an article (UTF-8 text) into claims with exact offsets.
  FILE        a text file, or - for standard input
  --suggest   also suggest a tag (stated, attributed, disputed) with speaker and cue
  --json      print a JSON array instead of a listing
  -h, --help  show this help`;

/** Parses argv (without node and the script); throws UsageError on anything unknown. */
export function parseArgs(argv: string[]): ParsedArgs {
  if (argv.length === 0 || argv.includes("--help") || argv.includes("-h")) return { command: "help" };
  const [command, ...rest] = argv;
  if (command !== "split") throw new UsageError(`unknown command '${command}'`);
  let file: string | null = null;
  let suggest = false;
  let json = false;
  for (const arg of rest) {
    if (arg === "--suggest") suggest = true;
    else if (arg === "--json") json = true;
    else if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option '${arg}'`);
    else if (file === null) file = arg;
    else throw new UsageError(`unexpected argument '${arg}' (one FILE only)`);
  }
  if (file === null) throw new UsageError("missing FILE (use - for standard input)");
  return { command: "split", file, suggest, json };
}
