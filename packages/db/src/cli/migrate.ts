// `pnpm db:migrate`: applies the committed migrations to DATABASE_URL (PostgreSQL), or to the
// embedded PGlite folder when DATABASE_URL is unset (the app also does that itself at start).
import { readDbEnv, isPostgresUrl, migratePostgres, openDatabase, redactUrl } from "../index";

async function main() {
  const url = readDbEnv().DATABASE_URL;
  if (url !== undefined && isPostgresUrl(url)) {
    const report = await migratePostgres(url);
    console.log(JSON.stringify({ database: redactUrl(url), ...report }));
    return;
  }
  const handle = await openDatabase({ migrate: true });
  await handle.close();
  console.log(JSON.stringify({ database: handle.location, migrated: true }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
