-- The retention function deletes by age: each table it prunes gets the index its DELETE reads.

-- CreateIndex
CREATE INDEX "request_logs_created_at_idx" ON "request_logs"("created_at");
CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys"("created_at");
CREATE INDEX "workflow_runs_status_updated_at_idx" ON "workflow_runs"("status", "updated_at");
