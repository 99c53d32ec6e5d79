import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { listArticles } from "@/lib/data/articles";
import { ArticleList } from "@/components/articles/article-list";

export const metadata: Metadata = { title: "Articles" };

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const actor = await requirePageActor("articles:read", "/articles");
  const params = await searchParams;
  const result = await listArticles(actor, { q: params.q, page: params.page ?? 1 });
  return <ArticleList {...result} q={params.q ?? ""} canImport={can(actor, "articles:write")} />;
}
