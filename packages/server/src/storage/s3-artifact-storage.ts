import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import type { ArtifactStorage, StoredArtifact } from "./artifact-storage";

export interface S3StorageSettings {
  bucket: string;
  /** Keys are stored under this prefix (e.g. `garment-studio/`), empty by default. */
  prefix?: string | undefined;
  /** An S3-compatible endpoint (MinIO, R2, Ceph…); AWS itself when unset. */
  endpoint?: string | undefined;
  region?: string | undefined;
  /** Path-style URLs (`endpoint/bucket/key`), which most S3-compatible servers need. */
  forcePathStyle?: boolean | undefined;
  /** Explicit credentials; otherwise the AWS SDK's default chain (AWS_ACCESS_KEY_ID…, roles). */
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
}

/** Artifacts in S3 or S3-compatible object storage, through the AWS SDK. */
export class S3ArtifactStorage implements ArtifactStorage {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(settings: S3StorageSettings, client?: S3Client) {
    this.bucket = settings.bucket;
    this.prefix = settings.prefix ?? "";
    this.client = client ?? new S3Client(s3ClientConfig(settings));
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.prefix + key,
        Body: bytes,
        ContentType: contentType,
        ContentLength: bytes.byteLength,
      }),
    );
  }

  async open(key: string): Promise<StoredArtifact | null> {
    try {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.prefix + key }),
      );
      if (!object.Body) return null;
      return {
        contentType: object.ContentType ?? "application/octet-stream",
        byteSize: object.ContentLength ?? 0,
        body: object.Body.transformToWebStream() as ReadableStream<Uint8Array>,
      };
    } catch (error) {
      if (error instanceof NoSuchKey) return null;
      if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)
        return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    // S3 answers 204 whether or not the key existed.
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.bucket, Key: this.prefix + key }),
    );
  }

  destroy() {
    this.client.destroy();
  }
}

function s3ClientConfig(settings: S3StorageSettings): S3ClientConfig {
  return {
    region: settings.region ?? "us-east-1",
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(settings.forcePathStyle !== undefined ? { forcePathStyle: settings.forcePathStyle } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
  };
}
