/** The only place @garment/db reads the environment. */
export const dbEnv = {
  get databaseUrl(): string | undefined {
    return nonEmpty(process.env.DATABASE_URL);
  },
  get dataDir(): string | undefined {
    return nonEmpty(process.env.STUDIO_DATA_DIR);
  },
  get testDatabaseUrl(): string | undefined {
    return nonEmpty(process.env.TEST_DATABASE_URL);
  },
  get poolSize(): number | undefined {
    const raw = nonEmpty(process.env.DATABASE_POOL_SIZE);
    return raw ? Number(raw) : undefined;
  },
  get migrationsDir(): string | undefined {
    return nonEmpty(process.env.STUDIO_MIGRATIONS_DIR);
  },
};

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() !== "" ? value : undefined;
}
