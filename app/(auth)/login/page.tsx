import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { LoginForm } from "@/components/auth/login-form";
import { safeReturnPath } from "@/lib/return-path";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const returnTo = safeReturnPath((await searchParams).callbackUrl);
  if (await getActor()) redirect(returnTo);
  return (
    <main id="main" className="auth-page">
      <h1>Claimtrack</h1>
      <p className="muted">Sign in to annotate and review articles.</p>
      <LoginForm returnTo={returnTo} />
    </main>
  );
}
