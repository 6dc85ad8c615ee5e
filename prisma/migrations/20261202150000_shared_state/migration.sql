-- Shared state for many app instances on one PostgreSQL: artifact bytes in the database
-- (chunked, streamed on read) and the shared rate limit.

-- CreateTable
CREATE TABLE "artifact_blobs" (
    "storage_key" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "byte_size" INTEGER NOT NULL,
    "chunk_count" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "artifact_blobs_pkey" PRIMARY KEY ("storage_key")
);

-- CreateTable
CREATE TABLE "artifact_blob_chunks" (
    "storage_key" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "artifact_blob_chunks_pkey" PRIMARY KEY ("storage_key","version","seq")
);

-- Images are already compressed: store the chunks out of line without trying to compress them.
ALTER TABLE "artifact_blob_chunks" ALTER COLUMN "data" SET STORAGE EXTERNAL;

-- CreateTable: UNLOGGED, because rate-limit state is worth no WAL: a database crash empties it,
-- which only resets the limits. It is written on every authenticated request.
CREATE UNLOGGED TABLE "rate_limit_buckets" (
    "key" TEXT NOT NULL,
    "tat" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rate_limit_buckets_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "rate_limit_buckets_tat_idx" ON "rate_limit_buckets"("tat");
