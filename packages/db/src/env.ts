import { withoutBlankValues, envInteger, envText, throwInvalidEnvironment } from "@garment/schemas";
import { createEnv } from "@t3-oss/env-core";

/** The variables @garment/db reads; @garment/server's schema extends this one. */
export const dbEnvSchema = {
  /** `postgres://…` → PostgreSQL; unset → the embedded PGlite database in STUDIO_DATA_DIR. */
  DATABASE_URL: envText(),
  /** Folder of the embedded database (default ./.data). */
  STUDIO_DATA_DIR: envText(),
  /** Tests: also run the integration suites against this PostgreSQL server. */
  TEST_DATABASE_URL: envText(),
  /** Connections in the PostgreSQL pool. */
  DATABASE_POOL_SIZE: envInteger(1),
  /** Where the migrations live (default: prisma/migrations of the repository). */
  STUDIO_MIGRATIONS_DIR: envText(),
};

/**
 * The only place @garment/db reads the environment: validated on every call (cheap), so a bad
 * value fails with a message that names the variable.
 */
export function readDbEnv(source: Record<string, string | undefined> = process.env) {
  return createEnv({
    server: dbEnvSchema,
    runtimeEnv: withoutBlankValues(source),
    isServer: true,
    onValidationError: throwInvalidEnvironment,
  });
}

export type DbEnv = ReturnType<typeof readDbEnv>;
