"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { runAction } from "@/lib/action-result";
import { changeUserRole, createUser, setUserActive, setUserPassword } from "@/lib/data/users";

/** Creates a user (admins only). */
export async function createUserAction(input: unknown) {
  const actor = await getActor();
  const result = await runAction(async () => (await createUser(actor, input)).email);
  revalidatePath("/admin/users");
  return result;
}

/** Changes a user's role (admins only). */
export async function changeRoleAction(input: unknown) {
  const actor = await getActor();
  const result = await runAction(async () => (await changeUserRole(actor, input)).role);
  revalidatePath("/admin/users");
  return result;
}

/** Activates or deactivates a user (admins only); deactivation ends their sessions. */
export async function setActiveAction(input: unknown) {
  const actor = await getActor();
  const result = await runAction(async () => (await setUserActive(actor, input)).isActive);
  revalidatePath("/admin/users");
  return result;
}

/** Sets a user's password (admins only), for one who forgot theirs; their sessions end. */
export async function setPasswordAction(input: unknown) {
  const actor = await getActor();
  const result = await runAction(async () => (await setUserPassword(actor, input)).email);
  revalidatePath("/admin/users");
  return result;
}
