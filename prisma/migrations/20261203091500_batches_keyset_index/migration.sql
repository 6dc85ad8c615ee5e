-- GET /v1/batches pages newest first by (created_at, id), like every list the API serves: the
-- index gains id so a page, however deep, is a range scan with ties broken inside the index.

-- DropIndex
DROP INDEX "batches_client_id_mode_created_at_idx";

-- CreateIndex
CREATE INDEX "batches_client_id_mode_created_at_id_idx" ON "batches"("client_id", "mode", "created_at" DESC, "id" DESC);
