-- Keyset pages: every list the API serves reads newest first by (created_at, id) after its
-- owner, so each gets an index in that exact order. A page, however deep, is then a range scan
-- of `limit` rows (ties on created_at broken by id inside the index, not by a sort).

-- DropIndex
DROP INDEX "credit_ledger_client_id_mode_created_at_idx";
DROP INDEX "request_logs_client_id_mode_created_at_idx";
DROP INDEX "catalog_entries_client_id_mode_created_at_idx";

-- CreateIndex
CREATE INDEX "credit_ledger_client_id_mode_created_at_id_idx" ON "credit_ledger"("client_id", "mode", "created_at", "id");
CREATE INDEX "request_logs_client_id_mode_created_at_id_idx" ON "request_logs"("client_id", "mode", "created_at", "id");
CREATE INDEX "catalog_entries_client_id_mode_created_at_id_idx" ON "catalog_entries"("client_id", "mode", "created_at" DESC, "id" DESC);
CREATE INDEX "webhook_deliveries_endpoint_id_created_at_id_idx" ON "webhook_deliveries"("endpoint_id", "created_at", "id");
