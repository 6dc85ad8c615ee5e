// What every benchmark script of the workspace shares (server, imaging, styling): the percentile
// its figures quote, and where and how it writes them. TypeScript source, run by tsx and
// typechecked by each package that imports it.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** bench-results/ at the repository root, beside this package. */
const RESULTS_DIR = path.resolve(import.meta.dirname, "../../bench-results");

/**
 * The nearest-rank percentile `p` (0 to 100) of ascending samples: always one of the samples,
 * never interpolated, so with few samples p95 is the slowest or second slowest. NaN when empty.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? NaN;
}

/**
 * Writes a benchmark's figures as bench-results/<name>.json (pretty-printed, as the committed
 * results are) and its report as bench-results/<name>.md; returns the two paths.
 */
export function writeBenchResults(
  name: string,
  results: unknown,
  markdown: string,
): { json: string; markdown: string } {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = path.join(RESULTS_DIR, `${name}.json`);
  const md = path.join(RESULTS_DIR, `${name}.md`);
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(md, markdown);
  return { json, markdown: md };
}
