import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { listUsers } from "@/lib/data/users";
import { UserAdmin } from "@/components/admin/user-admin";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePageActor("users:manage", "/admin/users");
  const users = await listUsers(actor);
  return (
    <UserAdmin
      currentUserId={actor.id}
      users={users.map((u) => ({ ...u, createdAt: u.createdAt.toISOString() }))}
    />
  );
}
