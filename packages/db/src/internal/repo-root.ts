import { existsSync } from "node:fs";
import path from "node:path";

/**
 * The monorepo root, found by walking up from the working directory. Next.js bundles and
 * `pnpm --filter` run with different working directories (apps/studio, packages/server), and
 * bundling breaks `import.meta.dirname`, so paths are anchored on the repo, not the module.
 */
export function findRepoRoot(from: string = process.cwd()): string {
  // turbopackIgnore: runtime file lookups here must not make Next trace the whole repo.
  let dir = path.resolve(/* turbopackIgnore: true */ from);
  for (;;) {
    if (existsSync(path.join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(/* turbopackIgnore: true */ from);
    dir = parent;
  }
}
