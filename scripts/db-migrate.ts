import { prepareDatabase } from "./setup";

// `npm run db:migrate`: applies pending migrations to the database DATABASE_URL names.
prepareDatabase({ seedDemo: false })
  .then(() => console.log("The database is up to date."))
  .catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
