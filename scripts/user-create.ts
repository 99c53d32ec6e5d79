import { createInterface } from "node:readline/promises";
import { Writable } from "node:stream";
import { env } from "@/lib/env";
import { SYSTEM_ACTOR } from "@/lib/auth/roles";
import { createUser } from "@/lib/data/users";
import { AppError } from "@/lib/errors";
import { prepareDatabase } from "./setup";
import { fail, parseOptions } from "./cli-args";

// `npm run user:create -- --email E --role admin [--name N]`: the password comes from
// CLAIMTRACK_PASSWORD when set, otherwise from a prompt that does not echo it.

const USAGE = "npm run user:create -- --email E --role admin|editor|reviewer [--name N]";

async function promptPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    // Piped input: read one line.
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) return line;
    return "";
  }
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  const ask = async (q: string) => {
    process.stdout.write(q);
    muted = true;
    const answer = await rl.question("");
    muted = false;
    process.stdout.write("\n");
    return answer;
  };
  const first = await ask("Password: ");
  const second = await ask("Repeat the password: ");
  rl.close();
  if (first !== second) fail("The passwords do not match.");
  return first;
}

async function main() {
  const opts = parseOptions({ email: { type: "string" }, role: { type: "string" }, name: { type: "string" } }, USAGE);
  if (!opts.email || !opts.role) fail(`--email and --role are required.\nUsage: ${USAGE}`);
  await prepareDatabase({ seedDemo: false });
  const password = env.CLAIMTRACK_PASSWORD ?? (await promptPassword());
  const name = opts.name ?? opts.email.split("@")[0]!;
  try {
    const user = await createUser(SYSTEM_ACTOR, { email: opts.email, role: opts.role, name, password });
    console.log(`Created ${user.role} ${user.email}.`);
  } catch (err) {
    if (err instanceof AppError) fail(err.message);
    throw err;
  }
}

main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
