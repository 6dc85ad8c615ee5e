-- Batches (POST /v1/batches, our extension): a batch row, and on each job its batch, row, sku
-- and the job it is a variant of.

-- AlterTable
ALTER TABLE "jobs" ADD COLUMN     "batch_id" TEXT,
ADD COLUMN     "batch_row" INTEGER,
ADD COLUMN     "sku" TEXT,
ADD COLUMN     "variant_of" TEXT;

-- CreateTable
CREATE TABLE "batches" (
    "id" TEXT NOT NULL,
    "client_id" TEXT NOT NULL,
    "mode" "DataMode" NOT NULL,
    "request_id" TEXT NOT NULL,
    "idempotency_key" TEXT,
    "body_hash" TEXT NOT NULL DEFAULT '',
    "item_count" INTEGER NOT NULL,
    "credits_cost" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "batches_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "batches_request_id_key" ON "batches"("request_id");

-- CreateIndex
CREATE INDEX "batches_client_id_mode_created_at_idx" ON "batches"("client_id", "mode", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "batches_client_id_mode_idempotency_key_key" ON "batches"("client_id", "mode", "idempotency_key");

-- CreateIndex
CREATE INDEX "jobs_batch_id_batch_row_idx" ON "jobs"("batch_id", "batch_row");

-- CreateIndex
CREATE INDEX "jobs_variant_of_idx" ON "jobs"("variant_of");

-- AddForeignKey
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "batches"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "batches" ADD CONSTRAINT "batches_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

