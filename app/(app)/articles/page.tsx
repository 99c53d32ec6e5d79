import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { listArticles } from "@/lib/data/articles";
import { ArticleList } from "@/components/articles/article-list";
import { readPageQuery } from "@/lib/invalid-query";
import { InvalidQuery } from "@/components/ui/invalid-query";

export const metadata: Metadata = { title: "Articles" };

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const actor = await requirePageActor("articles:read", "/articles");
  const params = await searchParams;
  const result = await readPageQuery(() => listArticles(actor, { q: params.q, page: params.page ?? 1 }));
  if (!result.ok) return <InvalidQuery title="Articles" message={result.message} plainHref="/articles" />;
  return <ArticleList {...result.value} q={params.q ?? ""} canImport={can(actor, "articles:write")} />;
}
