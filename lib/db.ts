import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/sqlite/client";
import { env } from "@/lib/env";

export type Db = PrismaClient;
/** The client type inside db.$transaction(async (tx) => ...). */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

function createClient(): PrismaClient {
  if (env.databaseKind !== "sqlite") {
    throw new Error("PostgreSQL support is not built yet: set DATABASE_URL to a file: URL");
  }
  const adapter = new PrismaBetterSQLite3({ url: env.databaseUrl, timeout: 10_000 });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { claimtrackDb?: PrismaClient };

/** The one database client of the process. */
export const db: PrismaClient = globalForDb.claimtrackDb ?? createClient();
if (env.NODE_ENV !== "production") globalForDb.claimtrackDb = db;
