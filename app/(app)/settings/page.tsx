import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { listApiTokens } from "@/lib/data/tokens";
import { ApiTokens } from "@/components/settings/api-tokens";
import { ChangePassword } from "@/components/settings/change-password";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const actor = await requirePageActor("tokens:own", "/settings");
  const tokens = await listApiTokens(actor);
  return (
    <>
      <h1>Settings</h1>
      <p>
        Signed in as <strong>{actor.email}</strong> ({actor.role}).
      </p>
      <ChangePassword />
      <ApiTokens
        tokens={tokens.map((t) => ({
          ...t,
          createdAt: t.createdAt.toISOString(),
          lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
          revokedAt: t.revokedAt?.toISOString() ?? null,
        }))}
      />
    </>
  );
}
