import { SYSTEM_ACTOR } from "@/lib/auth/roles";
import { findUserIdByEmail } from "@/lib/data/users";
import { createApiToken } from "@/lib/data/tokens";
import { prepareDatabase } from "./setup";
import { fail, parseOptions } from "./cli-args";

// `npm run user:token -- --email E [--name N]`: prints a new API token for the user.

const USAGE = "npm run user:token -- --email E [--name N]";

async function main() {
  const opts = parseOptions({ email: { type: "string" }, name: { type: "string" } }, USAGE);
  if (!opts.email) fail(`--email is required.\nUsage: ${USAGE}`);
  await prepareDatabase({ seedDemo: false });
  const userId = await findUserIdByEmail(opts.email);
  if (!userId) fail(`No user has the email ${opts.email}.`);
  const { token } = await createApiToken(SYSTEM_ACTOR, { name: opts.name ?? "command line" }, userId);
  console.log(token);
}

main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
