import fs from "node:fs";
import path from "node:path";

// Writes prisma/postgresql.prisma from prisma/schema.prisma: the same models with the
// PostgreSQL provider and its own generated client. A schema's provider is fixed per
// file, so the two databases need two schema files; this keeps them from drifting.
// `--check` exits non-zero when the committed file is stale (the unit tests run it).

const root = path.resolve(import.meta.dirname, "..");
const source = path.join(root, "prisma", "schema.prisma");
const target = path.join(root, "prisma", "postgresql.prisma");

/** The PostgreSQL schema text for a SQLite schema text. */
export function toPostgresSchema(sqlite: string): string {
  const out = sqlite
    .replace('output     = "../lib/generated/sqlite"', 'output     = "../lib/generated/postgresql"')
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('url      = "file:./data/claimtrack.db"', 'url      = "postgresql://localhost/claimtrack"');
  if (out === sqlite || !out.includes('provider = "postgresql"') || !out.includes("generated/postgresql")) {
    throw new Error("prisma/schema.prisma no longer has the generator/datasource lines this script rewrites");
  }
  return `// GENERATED from schema.prisma by scripts/db-schemas.ts: edit schema.prisma instead.\n${out}`;
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const expected = toPostgresSchema(fs.readFileSync(source, "utf8"));
  if (process.argv.includes("--check")) {
    const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : "";
    if (current !== expected) {
      console.error("prisma/postgresql.prisma is out of date: run npm run db:schemas");
      process.exit(1);
    }
  } else {
    fs.writeFileSync(target, expected);
    console.log("Wrote prisma/postgresql.prisma");
  }
}
