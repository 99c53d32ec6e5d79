import { SYSTEM_ACTOR } from "@/lib/auth/roles";
import { getArticleReport, listArticles } from "@/lib/data/articles";

// Prints {articleId: report} for every article of the database DATABASE_URL names, so a
// test can compare reports across databases byte for byte.
const { items } = await listArticles(SYSTEM_ACTOR, { page: 1 });
const reports: Record<string, unknown> = {};
for (const a of [...items].sort((x, y) => x.id.localeCompare(y.id))) reports[a.id] = await getArticleReport(SYSTEM_ACTOR, a.id);
process.stdout.write(JSON.stringify(reports));
