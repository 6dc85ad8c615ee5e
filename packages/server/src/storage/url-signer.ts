import { createHmac, timingSafeEqual } from "node:crypto";

export const IMAGE_URL_TTL_SECONDS = 15 * 60;

/**
 * Short-lived signed URLs for artifact images, like S3 presigned GETs: the URL is handed only
 * to the artifact's owner and stops working after its expiry.
 */
export class UrlSigner {
  constructor(
    private readonly secret: string,
    private readonly now: () => number = Date.now,
  ) {}

  imageUrl(artifactId: string, ttlSeconds = IMAGE_URL_TTL_SECONDS): string {
    const expires = Math.floor(this.now() / 1000) + ttlSeconds;
    return `/v1/artifacts/${artifactId}/image?expires=${expires}&signature=${this.signature(artifactId, expires)}`;
  }

  /**
   * A batch export's link (`csv` or `zip`), signed like an image URL: the Studio's download
   * buttons hand it to the browser, which has a session cookie but no API key. The signature
   * covers `batch-export:<id>`, so it never passes for an artifact (and the reverse).
   */
  batchExportUrl(batchId: string, format: "csv" | "zip", ttlSeconds = IMAGE_URL_TTL_SECONDS) {
    const expires = Math.floor(this.now() / 1000) + ttlSeconds;
    const signature = this.signature(batchExportSubject(batchId), expires);
    return {
      url: `/v1/batches/${batchId}/export.${format}?expires=${expires}&signature=${signature}`,
      expiresAt: new Date(expires * 1000),
    };
  }

  verifyBatchExport(batchId: string, expires: string | null, signature: string | null): boolean {
    return this.verify(batchExportSubject(batchId), expires, signature);
  }

  verify(artifactId: string, expires: string | null, signature: string | null): boolean {
    const expiresAt = Number(expires);
    if (!signature || !Number.isInteger(expiresAt) || expiresAt < Math.floor(this.now() / 1000))
      return false;
    const expected = Buffer.from(this.signature(artifactId, expiresAt));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private signature(artifactId: string, expires: number): string {
    return createHmac("sha256", this.secret).update(`${artifactId}.${expires}`).digest("base64url");
  }
}

const batchExportSubject = (batchId: string) => `batch-export:${batchId}`;
