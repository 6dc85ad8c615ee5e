-- batch.finished: a webhook delivery announces a finished job (job_id) or a finished batch
-- (batch_id), exactly one of the two, each at most once per endpoint.
ALTER TABLE "webhook_deliveries" ALTER COLUMN "job_id" DROP NOT NULL;
ALTER TABLE "webhook_deliveries" ADD COLUMN "batch_id" TEXT;
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_one_subject"
  CHECK (("job_id" IS NULL) <> ("batch_id" IS NULL));
CREATE UNIQUE INDEX "webhook_deliveries_endpoint_id_batch_id_key" ON "webhook_deliveries"("endpoint_id", "batch_id");
