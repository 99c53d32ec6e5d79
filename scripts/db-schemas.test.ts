import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { toPostgresSchema } from "./db-schemas";

const prisma = path.join(import.meta.dirname, "..", "prisma");
const folders = (kind: string) =>
  fs.readdirSync(path.join(prisma, "migrations", kind)).filter((d) => fs.statSync(path.join(prisma, "migrations", kind, d)).isDirectory()).sort();

describe("the PostgreSQL schema and migrations", () => {
  it("postgresql.prisma is generated from the current schema.prisma (npm run db:schemas)", () => {
    const expected = toPostgresSchema(fs.readFileSync(path.join(prisma, "schema.prisma"), "utf8"));
    expect(fs.readFileSync(path.join(prisma, "postgresql.prisma"), "utf8")).toBe(expected);
  });

  it("has a PostgreSQL migration for every SQLite migration, and the newest schema snapshot is current", () => {
    expect(folders("postgresql")).toEqual(folders("sqlite"));
    const newest = folders("sqlite").pop()!;
    expect(fs.readFileSync(path.join(prisma, "migrations", "sqlite", newest, "schema.prisma"), "utf8")).toBe(
      fs.readFileSync(path.join(prisma, "schema.prisma"), "utf8"),
    );
  });
});
