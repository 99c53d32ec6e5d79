import crypto from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { findPostgresBin } from "../lib/postgres-bin";
import { startTestPostgres } from "../scripts/postgres-server";

// `npm run bench:search`: seeds 100,000 claims (1,000 articles of 100) with tags, speakers,
// verdicts and 40% of them sourced, on SQLite and on PostgreSQL (a throwaway server, when
// installed), then times the claim search, the dashboard's figures and "already checked"
// through the same data functions the app calls. Each query: 2 warm-up runs, then 15
// timed ones; median and worst are printed. The goal (issue 6) is under 200 ms.
// Options: --only sqlite|postgresql, --claims N (default 100000).
//
// The app's modules read DATABASE_URL once, at import, so each database is benchmarked in
// a child process of this script (--child).

const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const root = path.join(import.meta.dirname, "..");

if (args.includes("--child")) await runChild(Number(arg("--claims") ?? 100_000));
else await runParent();

async function runParent(): Promise<void> {
  const only = arg("--only");
  const claims = arg("--claims") ?? "100000";
  const targets: { name: string; url: () => Promise<{ url: string; stop: () => void }> }[] = [];
  if (only !== "postgresql") {
    targets.push({
      name: "SQLite",
      url: async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimtrack-bench-search-"));
        return { url: `file:${path.join(dir, "bench.db")}`, stop: () => fs.rmSync(dir, { recursive: true, force: true }) };
      },
    });
  }
  if (only !== "sqlite") {
    if (!findPostgresBin()) console.warn("PostgreSQL is not installed: skipping it (apt-get install postgresql).");
    else {
      targets.push({
        name: "PostgreSQL",
        url: async () => {
          const server = await startTestPostgres();
          const admin = new pg.Client({ connectionString: server.url });
          await admin.connect();
          await admin.query("CREATE DATABASE bench_search");
          await admin.end();
          const url = new URL(server.url);
          url.pathname = "/bench_search";
          return { url: url.toString(), stop: server.stop };
        },
      });
    }
  }
  console.log(
    `Claim search benchmark: ${Number(claims).toLocaleString("en")} claims; node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  for (const target of targets) {
    const { url, stop } = await target.url();
    try {
      console.log(`\n## ${target.name}`);
      const result = spawnSync(
        path.join(root, "node_modules", ".bin", "tsx"),
        ["--conditions=react-server", "bench/search.ts", "--child", "--claims", claims],
        {
          cwd: root,
          stdio: "inherit",
          env: {
            ...process.env,
            DATABASE_URL: url,
            CLAIMTRACK_DATA_DIR: path.join(os.tmpdir(), `claimtrack-bench-${crypto.randomUUID()}`),
            LOG_LEVEL: "warn",
          },
        },
      );
      if (result.status !== 0) process.exitCode = 1;
    } finally {
      stop();
    }
  }
}

/** A seeded pseudo-random generator (mulberry32), so every run seeds the same data. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Claim texts from the VOA corpus in lib/claims/testdata: the first half of one sentence
 * joined to the second half of another, with two words swapped for corpus words, so the
 * vocabulary and word frequencies are a newsroom's, but texts rarely repeat.
 */
function claimTexts(count: number, rand: () => number): string[] {
  const dir = path.join(root, "lib", "claims", "testdata", "news");
  const sentences = fs
    .readdirSync(dir)
    .flatMap((f) => fs.readFileSync(path.join(dir, f), "utf8").split("\n"))
    // "#" lines are provenance headers; " ||| tag | speaker | cue" ends each labelled sentence.
    .filter((line) => !line.startsWith("#"))
    .map((line) => (line.split(" ||| ")[0] ?? "").trim())
    .filter((s) => s.split(" ").length >= 6);
  const vocabulary = [...new Set(sentences.flatMap((s) => s.match(/\p{L}{4,}/gu) ?? []))];
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  return Array.from({ length: count }, () => {
    const a = pick(sentences).split(" ");
    const b = pick(sentences).split(" ");
    const words = [...a.slice(0, Math.ceil(a.length / 2)), ...b.slice(Math.floor(b.length / 2))];
    for (let k = 0; k < 2; k++) words[Math.floor(rand() * words.length)] = pick(vocabulary);
    return words.join(" ");
  });
}

async function runChild(total: number): Promise<void> {
  const { env } = await import("@/lib/env");
  const { migrateDatabase } = await import("@/lib/migrate");
  const { db, insertRows } = await import("@/lib/db");
  const { SYSTEM_ACTOR } = await import("@/lib/auth/roles");
  const { searchClaims } = await import("@/lib/data/search");
  const { clearClaimStatsCache, getClaimStats } = await import("@/lib/data/search-stats");
  const freshStats = (filters: object) => {
    clearClaimStatsCache();
    return getClaimStats(SYSTEM_ACTOR, filters);
  };
  const { findAlreadyChecked } = await import("@/lib/data/similar-claims");
  const { CLAIM_TAGS, VERDICTS } = await import("@/lib/schemas/claim");
  const { SOURCE_RELATIONS } = await import("@/lib/schemas/source");
  await migrateDatabase(env.databaseUrl);

  const rand = random(6);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const PER_ARTICLE = 100;
  const articles = Math.ceil(total / PER_ARTICLE);
  const texts = claimTexts(total, rand);
  const speakers = [
    ...[
      "Russia",
      "Ukraine",
      "Poland",
      "Estonia",
      "Ethiopia",
      "Somalia",
      "Nigeria",
      "Sudan",
      "China",
      "the United States",
    ].flatMap((c) => [c, `${c}'s foreign ministry`, `the ${c} defence ministry`]),
    ...Array.from({ length: 270 }, (_, i) => `Spokesperson ${String.fromCharCode(65 + (i % 26))}. Example${i}`),
  ];
  const started = performance.now();
  const userId = crypto.randomUUID();
  const now = new Date();
  await db.$transaction(
    async (tx) => {
      await insertRows(
        tx,
        "User",
        ["id", "email", "name", "role", "passwordHash", "createdAt", "updatedAt"],
        [[userId, "bench@example.org", "Bench", "editor", "-", now, now]],
      );
      const sources = Array.from({ length: 5000 }, (_, i) => {
        const domain = `news${i % 100}.example.org`;
        return [
          crypto.randomUUID(),
          `https://${i % 3 === 0 ? "www." : ""}${domain}/story/${i}`,
          i % 2 === 0 ? domain : null,
          `Story ${i}`,
          now,
          now,
        ];
      });
      await insertRows(tx, "Source", ["id", "url", "domain", "title", "createdAt", "updatedAt"], sources);
      const STATES = ["draft", "in_review", "approved", "changes_requested"];
      const articleRows = [];
      const revisionRows = [];
      const claimRows = [];
      const linkRows = [];
      for (let a = 0; a < articles; a++) {
        const articleId = crypto.randomUUID();
        const revisionId = crypto.randomUUID();
        const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(rand() * 3 * 365) * 86_400_000);
        const state = pick(STATES);
        articleRows.push([articleId, `Bench article ${a}`, userId, day, now, now, state, state === "draft" ? null : day]);
        const claimTextsHere = texts.slice(a * PER_ARTICLE, (a + 1) * PER_ARTICLE);
        const text = claimTextsHere.join(" ");
        revisionRows.push([revisionId, articleId, 1, text, crypto.createHash("sha256").update(text).digest("hex"), userId, now]);
        let offset = 0;
        for (const claimText of claimTextsHere) {
          const claimId = crypto.randomUUID();
          const tag = rand() < 0.3 ? null : pick(CLAIM_TAGS);
          const speaker = tag === "attributed" ? pick(speakers) : null;
          claimRows.push([
            claimId,
            articleId,
            revisionId,
            offset,
            offset + claimText.length,
            claimText,
            "",
            "",
            tag,
            speaker,
            speaker ? "said" : null,
            rand() < 0.1 ? pick(VERDICTS) : null,
            now,
            now,
          ]);
          offset += claimText.length + 1;
          if (rand() < 0.4) {
            for (let k = 0, n = 1 + Math.floor(rand() * 3); k < n; k++) {
              linkRows.push([crypto.randomUUID(), claimId, pick(sources)[0] as string, pick(SOURCE_RELATIONS), userId, now]);
            }
          }
        }
      }
      await insertRows(
        tx,
        "Article",
        ["id", "title", "createdById", "publishedAt", "createdAt", "updatedAt", "reviewState", "submittedAt"],
        articleRows,
      );
      await insertRows(
        tx,
        "ArticleRevision",
        ["id", "articleId", "number", "text", "textHash", "createdById", "createdAt"],
        revisionRows,
      );
      const columns = [
        "id",
        "articleId",
        "revisionId",
        "start",
        "end",
        "text",
        "prefix",
        "suffix",
        "tag",
        "speaker",
        "cue",
        "verdict",
        "createdAt",
        "updatedAt",
      ];
      for (let i = 0; i < claimRows.length; i += 10_000) await insertRows(tx, "Claim", columns, claimRows.slice(i, i + 10_000));
      await insertRows(tx, "ClaimSource", ["id", "claimId", "sourceId", "relation", "createdById", "createdAt"], linkRows);
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  await db.$executeRawUnsafe("ANALYZE");
  const claimCount = await db.claim.count();
  const linkCount = await db.claimSource.count();
  console.log(
    `Seeded ${claimCount.toLocaleString("en")} claims in ${articles} articles, ${linkCount.toLocaleString("en")} source links, in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );

  const sample = await db.claim.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 20, skip: 777 });
  let next = 0;
  const queries: [string, () => Promise<unknown>][] = [
    ["text: one common word (“government”)", () => searchClaims(SYSTEM_ACTOR, { q: "government" })],
    ["text: two words (“refugees camp”)", () => searchClaims(SYSTEM_ACTOR, { q: "refugees camp" })],
    ['text: a phrase (“"foreign ministry"”)', () => searchClaims(SYSTEM_ACTOR, { q: '"foreign ministry"' })],
    [
      "text + tag + verdict (“said”, attributed, none)",
      () => searchClaims(SYSTEM_ACTOR, { q: "said", tag: "attributed", verdict: "none" }),
    ],
    [
      "text + review state, page 5 (“military”)",
      () => searchClaims(SYSTEM_ACTOR, { q: "military", reviewState: "approved", page: 5 }),
    ],
    ["speaker (“Russia”, any spelling)", () => searchClaims(SYSTEM_ACTOR, { speaker: "Russia" })],
    ["source domain + relation", () => searchClaims(SYSTEM_ACTOR, { domain: "news7.example.org", relation: "refutes" })],
    ["date range (one month)", () => searchClaims(SYSTEM_ACTOR, { from: "2024-03-01", to: "2024-03-31" })],
    ["no filter (newest first)", () => searchClaims(SYSTEM_ACTOR, {})],
    ["dashboard figures, no filter", () => freshStats({})],
    ["dashboard figures, text “government”", () => freshStats({ q: "government" })],
    ["dashboard figures, tag disputed + 2024", () => freshStats({ tag: "disputed", from: "2024-01-01", to: "2024-12-31" })],
    ["dashboard figures again within a minute (cached)", () => getClaimStats(SYSTEM_ACTOR, {})],
    [
      "already checked (FTS candidates + rankSimilar)",
      () => findAlreadyChecked(SYSTEM_ACTOR, sample[next++ % sample.length]!.id),
    ],
  ];
  console.log("\n| query | median ms | worst ms | hits |\n| --- | --- | --- | --- |");
  for (const [name, run] of queries) {
    const times: number[] = [];
    let hits = "";
    for (let i = 0; i < 17; i++) {
      const t = performance.now();
      const result = await run();
      if (i >= 2) times.push(performance.now() - t);
      hits = describeHits(result);
    }
    times.sort((x, y) => x - y);
    console.log(
      `| ${name} | ${times[Math.floor(times.length / 2)]!.toFixed(1)} | ${times[times.length - 1]!.toFixed(1)} | ${hits} |`,
    );
  }
  await db.$disconnect();
}

function describeHits(result: unknown): string {
  if (Array.isArray(result)) return `${result.length} matches`;
  if (result && typeof result === "object" && "total" in result) return `${String(result.total)} claims`;
  if (result && typeof result === "object" && "months" in result && Array.isArray(result.months))
    return `${result.months.length} months`;
  return "";
}
