-- The transactional outbox for a real Inngest, and the index behind the per-client queue cap.

-- CreateTable
CREATE TABLE "workflow_outbox" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3),
    "last_error" TEXT,

    CONSTRAINT "workflow_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "workflow_outbox_sent_at_next_attempt_at_idx" ON "workflow_outbox"("sent_at", "next_attempt_at");

-- The dispatch statement counts a client's unfinished jobs (at most the cap) before debiting:
-- a partial index keeps that count to the client's own unfinished rows. (Prisma's schema
-- language has no partial indexes; this one lives here only.)
CREATE INDEX "jobs_unfinished_by_client_idx" ON "jobs"("client_id")
    WHERE "status" IN ('NOT_STARTED', 'IN_PROGRESS');
