-- A job's terminal webhook is announced after its terminal commit, by whoever ended it: a cancel
-- or a sweeper timeout followed by a crash announced nothing. announced_at records the enqueue,
-- so the stuck-job sweeper can find such a job through the index below (it reads only the
-- unannounced rows that have a finish time: running jobs have none, and sort after it).

-- AlterTable
ALTER TABLE "jobs" ADD COLUMN "announced_at" TIMESTAMPTZ(3);

-- Jobs that ended before this column existed were announced then: the sweep must not repeat it.
UPDATE "jobs" SET "announced_at" = COALESCE("finished_at", "updated_at")
 WHERE "status" IN ('SUCCESS', 'FAILURE');

-- CreateIndex
CREATE INDEX "jobs_announced_at_finished_at_idx" ON "jobs"("announced_at", "finished_at");
