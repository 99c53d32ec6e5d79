import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { toPostgresSchema } from "./db-schemas";

// `npm run db:diff -- <name>`: after editing prisma/schema.prisma, writes one migration
// per database, prisma/migrations/{sqlite,postgresql}/<timestamp>_<name>/migration.sql,
// with the SQL from the schema of the newest migration to the current schema. The SQLite
// folder keeps a copy of the schema for the next diff, because `prisma migrate diff`
// cannot replay migrations or read a database when a driver adapter is configured
// (https://pris.ly/d/schema-engine-limitations); schema-to-schema diffs need no engine
// download. Hand-written SQL (triggers) may be appended to a new migration before it is
// committed; never edit a committed one (lib/migrate.ts checks checksums).
// `--rebuild-postgresql` regenerates every PostgreSQL migration from the SQLite folders'
// schemas (and so drops hand-written SQL: only for a fresh start).

const root = path.resolve(import.meta.dirname, "..");
const migrations = path.join(root, "prisma", "migrations");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "claimtrack-diff-"));

function diff(from: string | null, to: string): string {
  const args = ["migrate", "diff", ...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]), "--to-schema-datamodel", to, "--script"];
  const result = spawnSync(path.join(root, "node_modules", ".bin", "prisma"), args, { cwd: root, encoding: "utf8" });
  if (result.status !== 0) throw new Error(result.stderr || result.stdout);
  return result.stdout.replace(/^Loaded Prisma config.*\n\n?/m, "");
}

/** Writes a schema text to a temporary file and returns its path. */
function tempSchema(name: string, text: string): string {
  const file = path.join(tmp, `${name}.prisma`);
  fs.writeFileSync(file, text);
  return file;
}

const snapshots = () =>
  fs.readdirSync(path.join(migrations, "sqlite")).filter((d) => fs.existsSync(path.join(migrations, "sqlite", d, "schema.prisma"))).sort();

function writeMigration(kind: "sqlite" | "postgresql", name: string, sql: string): void {
  const dir = path.join(migrations, kind, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
}

function addMigration(name: string): void {
  const current = fs.readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8");
  const latest = snapshots().pop();
  const before = latest ? fs.readFileSync(path.join(migrations, "sqlite", latest, "schema.prisma"), "utf8") : null;
  const sqliteSql = diff(before && tempSchema("before", before), tempSchema("after", current));
  if (!/\S/.test(sqliteSql.replace(/^--.*$/gm, ""))) {
    console.log("prisma/schema.prisma matches the newest migration: nothing to write.");
    return;
  }
  const postgresSql = diff(before && tempSchema("before-pg", toPostgresSchema(before)), tempSchema("after-pg", toPostgresSchema(current)));
  const folder = `${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${name}`;
  writeMigration("sqlite", folder, sqliteSql);
  fs.writeFileSync(path.join(migrations, "sqlite", folder, "schema.prisma"), current);
  writeMigration("postgresql", folder, postgresSql);
  console.log(`Wrote prisma/migrations/{sqlite,postgresql}/${folder}/migration.sql`);
}

function rebuildPostgres(): void {
  let before: string | null = null;
  for (const folder of snapshots()) {
    const schema = fs.readFileSync(path.join(migrations, "sqlite", folder, "schema.prisma"), "utf8");
    const sql = diff(before && tempSchema("before-pg", toPostgresSchema(before)), tempSchema("after-pg", toPostgresSchema(schema)));
    writeMigration("postgresql", folder, sql);
    console.log(`Wrote prisma/migrations/postgresql/${folder}/migration.sql`);
    before = schema;
  }
}

try {
  const arg = process.argv[2];
  if (arg === "--rebuild-postgresql") rebuildPostgres();
  else if (arg && /^[a-z0-9_]+$/.test(arg)) addMigration(arg);
  else {
    console.error("Usage: npm run db:diff -- <name_in_snake_case> | --rebuild-postgresql");
    process.exitCode = 2;
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
