import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// `npm run db:diff -- <name>`: writes prisma/migrations/sqlite/<timestamp>_<name>/ with
// migration.sql, the SQL from the schema of the newest migration to prisma/schema.prisma,
// and a copy of that schema for the next diff. Each migration keeps its schema because
// `prisma migrate diff` cannot replay migrations or read a database when a driver
// adapter is configured (https://pris.ly/d/schema-engine-limitations), and schema-to-
// schema diffs need no engine download.

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:diff -- <name_in_snake_case>");
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, "..");
const migrations = path.join(root, "prisma", "migrations", "sqlite");
const latest = fs.readdirSync(migrations).filter((d) => fs.existsSync(path.join(migrations, d, "schema.prisma"))).sort().pop();
const from = latest ? ["--from-schema-datamodel", path.join(migrations, latest, "schema.prisma")] : ["--from-empty"];
const result = spawnSync(
  path.join(root, "node_modules", ".bin", "prisma"),
  ["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { cwd: root, encoding: "utf8" },
);
if (result.status !== 0) {
  console.error(result.stderr || result.stdout);
  process.exit(1);
}
const sql = result.stdout;
if (!/\S/.test(sql.replace(/^--.*$/gm, ""))) {
  console.log("prisma/schema.prisma matches the newest migration: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrations, `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
fs.copyFileSync(path.join(root, "prisma", "schema.prisma"), path.join(dir, "schema.prisma"));
console.log(`Wrote ${path.relative(root, dir)}/migration.sql`);
