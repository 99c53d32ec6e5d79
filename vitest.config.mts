import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

const integration = {
  include: ["tests/integration/**/*.test.ts"],
  environment: "node",
  testTimeout: 30_000,
  hookTimeout: 60_000,
  // The organisation ClaimReview exports name as their author (tests/integration/export.test.ts).
  env: { CLAIMTRACK_ORGANIZATION: "Example Fact Desk", CLAIMTRACK_ORGANIZATION_URL: "https://factdesk.example.org/" },
};

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // lib/data modules import "server-only" to keep them out of client bundles; under
      // Node (tests) that guard has nothing to guard.
      { find: /^server-only$/, replacement: path.join(root, "tests/support/empty.ts") },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"], environment: "node" },
      },
      { extends: true, test: { ...integration, name: "integration-sqlite", setupFiles: ["tests/support/fresh-database.ts"] } },
      // The same integration tests on PostgreSQL, when `npm test` started a server for them.
      ...(process.env.CLAIMTRACK_TEST_PG_URL
        ? [{ extends: true, test: { ...integration, name: "integration-postgresql", setupFiles: ["tests/support/fresh-postgres.ts"] } }]
        : []),
    ],
  },
});
