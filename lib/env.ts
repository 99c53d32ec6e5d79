import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { z } from "zod";
import { parseAllowHosts } from "./sources/address-policy";

/**
 * Configuration, parsed once from the environment. Nothing else reads process.env.
 *
 * Demo mode is the default when DATABASE_URL is not set: the database is an SQLite file
 * under the data directory and the demo accounts are seeded on first start.
 */
const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "DATABASE_URL must start with file: or postgresql://")
    .optional(),
  CLAIMTRACK_DATA_DIR: z.string().min(1).default("data"),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  CLAIMTRACK_PASSWORD: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** "1" behind a reverse proxy that sets X-Forwarded-For to the client's address (scripts/client-address.mjs). */
  CLAIMTRACK_TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  /** "1" lets whoever submitted an article approve it: a desk of one (lib/data/review.ts). */
  CLAIMTRACK_SELF_APPROVAL: z.enum(["0", "1"]).default("0"),
  /** Server processes `npm start` runs on its port (PostgreSQL only; scripts/instances.ts). */
  CLAIMTRACK_INSTANCES: z.coerce.number().int().min(1).max(64).default(1),
  /** "host:port" entries the source fetcher may reach although private (test fixtures); empty by default. */
  FETCH_ALLOW_HOSTS: z
    .string()
    .default("")
    .transform((value, ctx) => {
      try {
        return parseAllowHosts(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
  /** Time allowed for one server-side fetch of a source page, redirects included. */
  FETCH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Where "Save to the Wayback Machine" asks; tests point it at a local stand-in. */
  WAYBACK_ENDPOINT: z.url().default("https://web.archive.org"),
  /** The fact-checking organisation named as the author of ClaimReview exports. */
  CLAIMTRACK_ORGANIZATION: z.string().trim().min(1).max(200).default("Claimtrack"),
  /** Its web address; the app's own address when unset. */
  CLAIMTRACK_ORGANIZATION_URL: z.url({ protocol: /^https?$/ }).optional(),
});

export type Env = z.infer<typeof envSchema> & {
  dataDir: string;
  databaseUrl: string;
  databaseKind: "sqlite" | "postgresql";
  isDemo: boolean;
};

function parseEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.CLAIMTRACK_DATA_DIR);
  const databaseUrl = e.DATABASE_URL ?? `file:${path.join(dataDir, "claimtrack.db")}`;
  if (e.CLAIMTRACK_INSTANCES > 1 && databaseUrl.startsWith("file:")) {
    throw new Error(
      "Invalid environment:\n  CLAIMTRACK_INSTANCES: more than one instance needs PostgreSQL (DATABASE_URL=postgresql://…); on SQLite one process serves, and live updates travel in its memory",
    );
  }
  return {
    ...e,
    dataDir,
    databaseUrl,
    databaseKind: databaseUrl.startsWith("file:") ? "sqlite" : "postgresql",
    isDemo: e.DATABASE_URL === undefined,
  };
}

export const env: Env = parseEnv();

/**
 * The session secret: NEXTAUTH_SECRET when configured, otherwise a random secret kept
 * in the data directory, created on first use with mode 0600.
 */
export function getSessionSecret(): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  const file = path.join(env.dataDir, "session-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  fs.mkdirSync(env.dataDir, { recursive: true });
  const secret = crypto.randomBytes(32).toString("base64url");
  try {
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (err) {
    // Another process created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return fs.readFileSync(file, "utf8").trim();
    throw err;
  }
}
