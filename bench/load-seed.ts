import fs from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { SYSTEM_ACTOR } from "@/lib/auth/roles";
import { env, getSessionSecret } from "@/lib/env";
import { migrateDatabase } from "@/lib/migrate";
import { importArticle } from "@/lib/data/articles";
import { createUser, loadSessionActor } from "@/lib/data/users";
import { createApiToken } from "@/lib/data/tokens";

// Seeds the load benchmark's database (DATABASE_URL): 200 articles of 100 claims each and
// 10 editors, then prints JSON with their API tokens, session cookies and the articles'
// claim ids for bench/load.ts.

const ARTICLES = 200;
const CLAIMS = 100;
const sample = fs.readFileSync(path.join(import.meta.dirname, "..", "prisma", "demo", "ottawa-treaty-withdrawal.txt"), "utf8");
const sentences = sample.split(/(?<=[.!?”])\s+/).filter((s) => s.length > 20);

await migrateDatabase(env.databaseUrl);
const editors = [];
for (let i = 0; i < 10; i++) {
  const user = await createUser(SYSTEM_ACTOR, { email: `load${i}@example.org`, name: `Load ${i}`, role: "editor", password: "load test password" });
  const { token } = await createApiToken(SYSTEM_ACTOR, { name: "load" }, user.id);
  const cookie = `next-auth.session-token=${await encode({ token: { sub: user.id, epoch: 0 }, secret: getSessionSecret() })}`;
  editors.push({ token, cookie, actor: await loadSessionActor(user.id, 0) });
}
const articles: { id: string; claims: string[] }[] = [];
for (let a = 0; a < ARTICLES; a++) {
  const lines = Array.from({ length: CLAIMS }, (_, i) => `${sentences[(a + i) % sentences.length]!.replace(/[.!?”]+$/, "")} (item ${a}-${i}).`);
  const article = await importArticle(editors[a % editors.length]!.actor, { title: `Load article ${a}`, text: lines.join("\n") });
  articles.push({ id: article.id, claims: article.claims.map((c) => c.id) });
}
process.stdout.write(JSON.stringify({ editors: editors.map(({ token, cookie }) => ({ token, cookie })), articles }));
