import { openTestDatabase, testDatabaseKinds, type DatabaseHandle } from "@garment/db";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readArtifact, type ArtifactStorage } from "./artifact-storage";
import { DatabaseArtifactStorage } from "./database-artifact-storage";
import { LocalFolderStorage } from "./local-folder-storage";
import { S3ArtifactStorage } from "./s3-artifact-storage";

/** Bytes that differ at every offset, so a misplaced or repeated chunk shows. */
function patterned(length: number, salt = 0): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i += 1) bytes[i] = (i * 31 + salt + (i >> 8)) & 0xff;
  return bytes;
}

interface StorageFixture {
  storage: ArtifactStorage;
  /** Largest piece a reader may receive at once (the chunk size), when the backend bounds it. */
  maxPiece?: number;
  close(): Promise<void>;
}

const CHUNK = 4096;

const fixtures: [string, () => Promise<StorageFixture>][] = [
  [
    "local folder",
    async () => ({
      storage: new LocalFolderStorage(mkdtempSync(path.join(tmpdir(), "gs-storage-"))),
      close: async () => {},
    }),
  ],
  ...testDatabaseKinds().map((kind): [string, () => Promise<StorageFixture>] => [
    `database (${kind})`,
    async () => {
      const database: DatabaseHandle = await openTestDatabase(kind);
      return {
        storage: new DatabaseArtifactStorage(database.db, CHUNK),
        maxPiece: CHUNK,
        close: () => database.close(),
      };
    },
  ]),
  [
    // s3rver speaks S3's REST protocol over HTTP (signatures, XML errors, NoSuchKey), so the
    // adapter is exercised through the real AWS SDK client, not a mock of it.
    "S3 protocol (s3rver on loopback)",
    async () => {
      const server = new S3rver({
        port: 0,
        address: "127.0.0.1",
        silent: true,
        directory: mkdtempSync(path.join(tmpdir(), "gs-s3rver-")),
      });
      const { port } = await server.run();
      const settings = {
        bucket: "garment-artifacts",
        prefix: "studio/",
        endpoint: `http://127.0.0.1:${port}`,
        region: "us-east-1",
        forcePathStyle: true,
        credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
      };
      const admin = new S3Client(settings);
      await admin.send(new CreateBucketCommand({ Bucket: settings.bucket }));
      admin.destroy();
      const storage = new S3ArtifactStorage(settings);
      return {
        storage,
        close: async () => {
          storage.destroy();
          await server.close();
        },
      };
    },
  ],
];

describe.each(fixtures)("artifact storage: %s", (_name, open) => {
  let fixture: StorageFixture;
  beforeAll(async () => {
    fixture = await open();
  });
  afterAll(async () => {
    await fixture.close();
  });

  it("returns what was put, with its type and size, and null for a missing key", async () => {
    const bytes = patterned(10 * CHUNK + 123);
    await fixture.storage.put("jobs/j1/a1.png", bytes, "image/png");
    const stored = await fixture.storage.open("jobs/j1/a1.png");
    expect(stored?.contentType).toBe("image/png");
    expect(stored?.byteSize).toBe(bytes.byteLength);
    const read = await readArtifact(fixture.storage, "jobs/j1/a1.png");
    expect(Buffer.from(read!.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(await fixture.storage.open("jobs/j1/missing.png")).toBeNull();
  });

  it("streams the bytes in pieces no larger than a chunk where the backend chunks them", async () => {
    const bytes = patterned(5 * CHUNK + 7, 3);
    await fixture.storage.put("jobs/j2/a2.png", bytes, "image/png");
    const stored = await fixture.storage.open("jobs/j2/a2.png");
    const reader = stored!.body.getReader();
    const pieces: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      pieces.push(value);
    }
    if (fixture.maxPiece) {
      expect(pieces.length).toBe(6);
      expect(Math.max(...pieces.map((p) => p.byteLength))).toBeLessThanOrEqual(fixture.maxPiece);
    }
    expect(Buffer.concat(pieces).equals(Buffer.from(bytes))).toBe(true);
  });

  it("replaces an object on a second put (a retried step rewrites its render)", async () => {
    await fixture.storage.put("jobs/j3/a3.png", patterned(3 * CHUNK, 1), "image/png");
    const second = patterned(CHUNK + 1, 2);
    await fixture.storage.put("jobs/j3/a3.png", second, "image/png");
    const read = await readArtifact(fixture.storage, "jobs/j3/a3.png");
    expect(Buffer.from(read!.bytes).equals(Buffer.from(second))).toBe(true);
    expect((await fixture.storage.open("jobs/j3/a3.png"))?.byteSize).toBe(CHUNK + 1);
  });

  it("stores an empty object", async () => {
    await fixture.storage.put("jobs/j4/empty.png", new Uint8Array(), "image/png");
    const read = await readArtifact(fixture.storage, "jobs/j4/empty.png");
    expect(read?.bytes.byteLength).toBe(0);
  });
});

describe.each(testDatabaseKinds())("database artifact storage on %s", (kind) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.close();
  });

  it("fails a reader whose version was replaced mid-stream instead of mixing two versions", async () => {
    const storage = new DatabaseArtifactStorage(database.db, CHUNK);
    await storage.put("jobs/r/a.png", patterned(4 * CHUNK, 1), "image/png");
    const stored = await storage.open("jobs/r/a.png");
    const reader = stored!.body.getReader();
    await reader.read();
    await storage.put("jobs/r/a.png", patterned(4 * CHUNK, 2), "image/png");
    const readRest = async () => {
      for (;;) if ((await reader.read()).done) return;
    };
    await expect(readRest()).rejects.toThrow("changed while it was being read");
    expect(
      await database.db.artifactBlobChunk.count({ where: { storageKey: "jobs/r/a.png" } }),
    ).toBe(4);
  });
});
