"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { runAction } from "@/lib/action-result";
import { createApiToken, revokeApiToken } from "@/lib/data/tokens";
import { changeOwnPassword } from "@/lib/data/users";

/** Mints an API token; its secret is returned once to be shown to the user. */
export async function createTokenAction(input: unknown) {
  const actor = await getActor();
  const result = await runAction(async () => (await createApiToken(actor, input)).token);
  revalidatePath("/settings");
  return result;
}

/** Revokes one of the user's tokens. */
export async function revokeTokenAction(tokenId: string) {
  const actor = await getActor();
  const result = await runAction(() => revokeApiToken(actor, tokenId));
  revalidatePath("/settings");
  return result;
}

/** Changes the user's own password; every session of theirs ends, this one too. */
export async function changePasswordAction(input: unknown) {
  const actor = await getActor();
  return runAction(() => changeOwnPassword(actor, input));
}
