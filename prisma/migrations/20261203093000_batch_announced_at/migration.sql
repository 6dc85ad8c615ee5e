-- A batch's end is announced in two commits (finished_at, then the batch.finished deliveries):
-- announced_at records the second, so the stuck-job sweeper can find a batch a crash left
-- unfinished or unannounced, through the index below (it reads the few unannounced rows only).

-- AlterTable
ALTER TABLE "batches" ADD COLUMN "announced_at" TIMESTAMPTZ(3);

-- Batches finished before this column existed were announced then: the sweep must not repeat it.
UPDATE "batches" SET "announced_at" = "finished_at" WHERE "finished_at" IS NOT NULL;

-- CreateIndex
CREATE INDEX "batches_announced_at_created_at_idx" ON "batches"("announced_at", "created_at");
