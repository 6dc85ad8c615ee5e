import type { PrismaClient } from "@garment/db";
import { ulid } from "../ids";
import type { ArtifactStorage, StoredArtifact } from "./artifact-storage";

/** 512 KiB: a 4K PNG is a few dozen rows, and a reader holds one chunk at a time. */
export const DEFAULT_CHUNK_BYTES = 512 * 1024;

/**
 * Artifact bytes in the database, in chunked rows (`artifact_blobs` + `artifact_blob_chunks`):
 * the default storage on PostgreSQL, so an image rendered by one instance is served by any.
 *
 * Chunked rows rather than large objects: they go through the app's own connection pool and
 * driver (large-object reads need a transaction held open for the whole download), they are
 * removed by a plain DELETE (large objects outlive their row unless unlinked), they are in every
 * `pg_dump`, and the same code runs on PGlite. A read fetches one chunk per pull, so memory per
 * download is one chunk, never the image.
 */
export class DatabaseArtifactStorage implements ArtifactStorage {
  constructor(
    private readonly db: PrismaClient,
    private readonly chunkBytes = DEFAULT_CHUNK_BYTES,
  ) {}

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const version = ulid();
    const chunkCount = Math.max(1, Math.ceil(bytes.byteLength / this.chunkBytes));
    // One transaction: the new version's chunks, the header pointing at them, and the removal
    // of any older version. A crash leaves either the old object or the new one, never a part.
    await this.db.$transaction(async (tx) => {
      for (let seq = 0; seq < chunkCount; seq += 1) {
        const data = bytes.subarray(seq * this.chunkBytes, (seq + 1) * this.chunkBytes);
        // Raw, with the bytes as base64: the PGlite driver adapter cannot bind a Bytes value.
        await tx.$executeRaw`
          INSERT INTO artifact_blob_chunks (storage_key, version, seq, data)
          VALUES (${key}, ${version}, ${seq}, decode(${Buffer.from(data).toString("base64")}, 'base64'))`;
      }
      await tx.artifactBlob.upsert({
        where: { storageKey: key },
        create: { storageKey: key, version, contentType, byteSize: bytes.byteLength, chunkCount },
        update: { version, contentType, byteSize: bytes.byteLength, chunkCount },
      });
      await tx.artifactBlobChunk.deleteMany({
        where: { storageKey: key, version: { not: version } },
      });
    });
  }

  async delete(key: string): Promise<void> {
    await this.db.$transaction([
      this.db.artifactBlobChunk.deleteMany({ where: { storageKey: key } }),
      this.db.artifactBlob.deleteMany({ where: { storageKey: key } }),
    ]);
  }

  async open(key: string): Promise<StoredArtifact | null> {
    const header = await this.db.artifactBlob.findUnique({ where: { storageKey: key } });
    if (!header) return null;
    const { db } = this;
    let seq = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (seq >= header.chunkCount) {
          controller.close();
          return;
        }
        const chunk = await db.artifactBlobChunk.findUnique({
          where: {
            storageKey_version_seq: { storageKey: key, version: header.version, seq },
          },
          select: { data: true },
        });
        if (!chunk) {
          // Replaced while this reader streamed the previous version: fail rather than mix.
          controller.error(new Error(`Artifact ${key} changed while it was being read.`));
          return;
        }
        seq += 1;
        controller.enqueue(chunk.data);
      },
    });
    return { contentType: header.contentType, byteSize: header.byteSize, body };
  }
}
