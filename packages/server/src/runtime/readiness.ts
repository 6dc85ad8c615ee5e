import { loadMigrations } from "@garment/db";
import {
  checkDatabaseReachable,
  checkMigrationsApplied,
  type HealthCheck,
} from "../services/health/database-health";
import type { AppRuntime } from "./app-runtime";

export interface Readiness {
  ready: boolean;
  /** One line per failing check, for the operator (no credentials, no connection URLs). */
  reasons: string[];
  checks: {
    database: HealthCheck;
    migrations: HealthCheck;
    workflows: HealthCheck;
    lifecycle: HealthCheck;
  };
}

let shippedMigrations: string[] | undefined;

/** The migrations this build ships (read once per process). */
function expectedMigrations(): string[] {
  shippedMigrations ??= loadMigrations().map((migration) => migration.name);
  return shippedMigrations;
}

/**
 * Whether this instance should get traffic: the database answers, every shipped migration is
 * applied, a workflow engine is configured (and, embedded, claiming runs), and the process is
 * not shutting down.
 */
export async function checkReadiness(runtime: AppRuntime): Promise<Readiness> {
  const [database, migrations] = await Promise.all([
    checkDatabaseReachable(runtime.db),
    checkMigrationsApplied(runtime.db, expectedMigrations()),
  ]);
  const checks = {
    database,
    // Unknowable while the database is down; the database's reason says why.
    migrations: database.ok
      ? migrations
      : { ok: false as const, reason: "migrations unknown: database unreachable" },
    workflows: workflowCheck(runtime),
    lifecycle: runtime.lifecycle.draining
      ? { ok: false as const, reason: "shutting down" }
      : { ok: true as const },
  };
  const reasons = Object.values(checks).flatMap((check) => (check.ok ? [] : [check.reason]));
  return { ready: reasons.length === 0, reasons, checks };
}

function workflowCheck(runtime: AppRuntime): HealthCheck {
  const system = runtime.workflows;
  if (!system) return { ok: false, reason: "no workflow engine configured" };
  if (system.runner && !system.runner.isRunning && !runtime.lifecycle.draining) {
    return { ok: false, reason: "the embedded workflow runner is not running" };
  }
  return { ok: true };
}

/** The reason readiness gives when the runtime could not even be built (a database down at start). */
export function notStarted(error: unknown): Readiness {
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  const reason = `runtime not started: ${message}`;
  const failed = { ok: false as const, reason };
  return {
    ready: false,
    reasons: [reason],
    checks: { database: failed, migrations: failed, workflows: failed, lifecycle: failed },
  };
}
