import fs from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { SYSTEM_ACTOR } from "@/lib/auth/roles";
import { env, getSessionSecret } from "@/lib/env";
import { migrateDatabase } from "@/lib/migrate";
import { importArticle } from "@/lib/data/articles";
import { createUser, loadSessionActor } from "@/lib/data/users";
import { createApiToken } from "@/lib/data/tokens";
import { splitClaims } from "@/lib/claims/split";

// Seeds bench:annotate's database: one editor and a 2,000-claim article (BENCH_CLAIMS) built from the
// public-domain news texts of the labelled set. Prints JSON for bench/annotate.ts.
const dir = path.join(import.meta.dirname, "..", "lib", "claims", "testdata", "news");
// Drop the "# key: value" header lines: the text is the article body.
const texts = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => fs.readFileSync(path.join(dir, f), "utf8").replace(/^#.*\n/gm, "").trim());
await migrateDatabase(env.databaseUrl);
const user = await createUser(SYSTEM_ACTOR, { email: "bench@example.org", name: "Bench Editor", role: "editor", password: "bench password" });
const actor = await loadSessionActor(user.id, 0);
const { token } = await createApiToken(SYSTEM_ACTOR, { name: "bench" }, user.id);
const cookie = await encode({ token: { sub: user.id, epoch: 0 }, secret: getSessionSecret() });
// Repeat the corpus (numbered per copy so sentences differ) until it splits into at least
// 2,000 claims, then cut it right after the 2,000th.
let text = "";
const wanted = Number(process.env.BENCH_CLAIMS) || 2_000;
for (let copy = 0; splitClaims(text).length < wanted; copy++) text += `${texts.join("\n\n")}\n\n`.replace(/\.(\s)/g, ` (${copy}).$1`);
text = text.slice(0, splitClaims(text)[wanted - 1]!.end);
const article = await importArticle(actor, { title: "Two thousand claims", text });
const claims = article.claims.slice(0, wanted);
process.stdout.write(JSON.stringify({ articleId: article.id, claimCount: article.claims.length, claimIds: claims.map((c) => c.id), token, cookie }));
