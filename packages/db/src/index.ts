export { PrismaClient, Prisma } from "./generated/prisma/client";
export type { DataMode, JobStatus as DbJobStatus, LedgerKind } from "./generated/prisma/enums";
export {
  openDatabase,
  isPostgresUrl,
  resolveDataDir,
  redactUrl,
  migratePostgres,
  type DatabaseHandle,
  type PoolStats,
  type RawQuery,
  type SqlStatement,
  type DatabaseKind,
  type OpenDatabaseOptions,
} from "./open-database";
export type { NotificationHandlers, NotificationSubscription } from "./notifications";
export {
  createScratchDatabase,
  openTestDatabase,
  testDatabaseKinds,
  withDatabase,
  type ScratchDatabase,
} from "./test-database";
export { applyMigrations, loadMigrations, type Migration } from "./migrations";
export { DatabaseLockedError } from "./internal/data-dir-lock";
export { readDbEnv, dbEnvSchema, type DbEnv } from "./env";
