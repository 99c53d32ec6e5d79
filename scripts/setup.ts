import { env, getSessionSecret } from "@/lib/env";
import { migrateDatabase } from "@/lib/migrate";

/**
 * Prepares the database and secrets for any command: applies pending migrations and,
 * in demo mode, seeds the demo accounts into an empty database.
 */
export async function prepareDatabase(options: { seedDemo: boolean }): Promise<void> {
  const applied = await migrateDatabase(env.databaseUrl);
  if (applied.length > 0) console.log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
  getSessionSecret();
  if (options.seedDemo && env.isDemo) {
    const { seedDemo } = await import("@/prisma/seed");
    if (await seedDemo()) console.log("Seeded the demo accounts and the sample article.");
  }
}
