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
