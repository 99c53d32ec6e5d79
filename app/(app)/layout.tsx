import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { getPageActor } from "@/lib/auth/session";
import { AppHeader } from "@/components/ui/app-header";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await getPageActor();
  if (!actor) redirect("/login");
  return (
    <>
      <AppHeader name={actor.name} role={actor.role} />
      <main id="main" className="page">
        {children}
      </main>
    </>
  );
}
