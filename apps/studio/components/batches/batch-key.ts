import type { BatchItemInput } from "@garment/schemas";

/**
 * The batch's idempotency key: a SHA-256 of its rows as they are sent (trimmed, in order). The
 * same file uploaded again, with the same fixes, gives the same key, and the server answers with
 * the batch it already accepted instead of charging again. WebCrypto: the browser and Node both
 * have it.
 */
export async function batchKeyOf(items: readonly BatchItemInput[]): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(items));
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  return `studio-batch:${hex}`;
}
