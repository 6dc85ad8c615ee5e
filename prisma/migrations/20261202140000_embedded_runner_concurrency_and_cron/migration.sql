-- The embedded Inngest runner's concurrency limits: each run keeps the keys it holds while it
-- executes, with each key's limit (same order), evaluated from its event when it is created.
ALTER TABLE "workflow_runs" ADD COLUMN "concurrency_keys" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "concurrency_limits" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

-- Cron triggers: each schedule's cursor, the last tick whose run was created.
CREATE TABLE "workflow_cron_schedules" (
    "function_id" TEXT NOT NULL,
    "schedule" TEXT NOT NULL,
    "last_tick" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workflow_cron_schedules_pkey" PRIMARY KEY ("function_id","schedule")
);
