import { Zip, ZipDeflate, ZipPassThrough } from "fflate";
import type { ArtifactStorage } from "../../storage/artifact-storage";
import type { BatchExportRow } from "./batch-export";

export interface BatchZipEntries {
  /** The CSV, placed at the root of the archive. */
  csv: { name: string; text: string };
  rows: readonly BatchExportRow[];
  /** Each row's image name (imageFileNames), under `images/`. */
  fileNames: ReadonlyMap<string, string>;
}

/**
 * The zip of a batch, streamed: the CSV first (deflated), then each final image as stored
 * (PNGs are compressed already, so they are stored, not deflated again). One entry is read per
 * pull, so a 1,000-image batch is never held in memory: the consumer's pace drives the reads.
 * An image missing from storage is left out rather than breaking the archive midway.
 */
export function streamBatchZip(
  storage: ArtifactStorage,
  entries: BatchZipEntries,
): ReadableStream<Uint8Array> {
  const images = entries.rows.flatMap((row) => {
    const name = entries.fileNames.get(row.jobId);
    return row.image && name ? [{ storageKey: row.image.storageKey, name }] : [];
  });
  let next = 0;
  let zip: Zip;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
      const csv = new ZipDeflate(entries.csv.name, { level: 6 });
      zip.add(csv);
      csv.push(new TextEncoder().encode(entries.csv.text), true);
    },
    async pull() {
      const image = images[next];
      next += 1;
      if (!image) return zip.end();
      const stored = await storage.open(image.storageKey);
      if (!stored) return;
      const file = new ZipPassThrough(`images/${image.name}`);
      zip.add(file);
      const reader = stored.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        file.push(value);
      }
      file.push(new Uint8Array(0), true);
    },
    cancel() {
      zip.terminate();
    },
  });
}
