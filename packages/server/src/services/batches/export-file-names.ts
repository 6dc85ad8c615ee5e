import type { BatchExportRow } from "./batch-export";

const EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
};

/** Most characters of a name's stem, so the whole path stays short on every file system. */
const MAX_STEM = 80;

/**
 * A safe file stem from a sku: ASCII letters, digits, `.`, `_` and `-` only (anything else becomes
 * `_`), no leading dot (hidden files, `..`), bounded length. Empty when nothing usable is left.
 */
export function safeFileStem(sku: string): string {
  return (
    sku
      // Accents fall to their letter (é → e) before anything unsafe becomes `_`.
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .replace(/[^A-Za-z0-9._-]+/g, "_")
      .replace(/^[._]+/, "")
      .slice(0, MAX_STEM)
      .replace(/[._]+$/, "")
  );
}

/**
 * The zip's file name of every row that has an image: its sku made safe, or `row-<row>` when it
 * has none; a name already taken (compared without case, as macOS and Windows do) gets `-2`,
 * `-3`… Rows in order, so the same batch always gets the same names.
 */
export function imageFileNames(rows: readonly BatchExportRow[]): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const row of rows) {
    if (!row.image) continue;
    const extension = EXTENSIONS[row.image.contentType] ?? "bin";
    const stem = (row.sku && safeFileStem(row.sku)) || `row-${row.row}`;
    let name = `${stem}.${extension}`;
    for (let copy = 2; taken.has(name.toLowerCase()); copy += 1)
      name = `${stem}-${copy}.${extension}`;
    taken.add(name.toLowerCase());
    names.set(row.jobId, name);
  }
  return names;
}
