import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { listSources } from "@/lib/data/source-library";
import { getLinkCheckJob } from "@/lib/data/source-check-job";
import { SourceLibrary } from "@/components/sources/source-library";
import { readPageQuery } from "@/lib/invalid-query";
import { InvalidQuery } from "@/components/ui/invalid-query";

export const metadata: Metadata = { title: "Sources" };

type Search = { q?: string; type?: string; health?: string; page?: string };

export default async function SourcesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor("sources:read", "/sources");
  const { q = "", type = "", health = "", page = "1" } = await searchParams;
  const [result, job] = await Promise.all([readPageQuery(() => listSources(actor, { q, type, health, page })), getLinkCheckJob(actor)]);
  if (!result.ok) return <InvalidQuery title="Sources" message={result.message} plainHref="/sources" />;
  return <SourceLibrary {...result.value} filters={{ q, type, health }} canEdit={can(actor, "sources:write")} job={job} />;
}
