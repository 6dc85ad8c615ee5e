/** An object as stored: its type, its size, and its bytes as a stream (read it once). */
export interface StoredArtifact {
  contentType: string;
  byteSize: number;
  body: ReadableStream<Uint8Array>;
}

/**
 * Where rendered images live: a local folder (the embedded default), the database (the default
 * on PostgreSQL, so every instance sees every image) or S3-compatible object storage.
 * Reads stream, so serving a 4K image never holds it whole in memory.
 */
export interface ArtifactStorage {
  /** Stores the bytes under `key`, replacing what was there (a retried step may rewrite it). */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The object under `key`, or null when there is none. */
  open(key: string): Promise<StoredArtifact | null>;
  /** Removes the object under `key`; nothing happens when there is none (retention). */
  delete(key: string): Promise<void>;
}

/** Reads a whole object into memory: for the evaluation, which needs every pixel anyway. */
export async function readArtifact(
  storage: ArtifactStorage,
  key: string,
): Promise<{ bytes: Uint8Array; contentType: string } | null> {
  const stored = await storage.open(key);
  if (!stored) return null;
  const bytes = new Uint8Array(await new Response(stored.body).arrayBuffer());
  return { bytes, contentType: stored.contentType };
}
