// First-load JavaScript per App Router page, gzip, from a finished `next build`.
// Next 16 no longer prints the "First Load JS" column, so this reads the same inputs it used:
// the build manifest's root main files (framework, runtime) plus every JS chunk the page's
// client-reference manifest lists for its layouts and the page itself.
// Usage: node scripts/first-load-js.mjs [/route ...]   (default: every page)
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const nextDir = path.resolve(import.meta.dirname, "../.next");
const build = JSON.parse(readFileSync(path.join(nextDir, "build-manifest.json"), "utf8"));
const gz = (file) => gzipSync(readFileSync(path.join(nextDir, file)), { level: 9 }).length;

function manifests(dir, found = []) {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) manifests(full, found);
    else if (entry === "page_client-reference-manifest.js") found.push(full);
  }
  return found;
}

globalThis.self = globalThis;
const wanted = process.argv.slice(2);
const rows = [];
for (const file of manifests(path.join(nextDir, "server/app"))) {
  await import(file);
  for (const [key, manifest] of Object.entries(globalThis.__RSC_MANIFEST ?? {})) {
    const route = key.replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "") || "/";
    if (rows.some((r) => r.route === route)) continue;
    if (wanted.length && !wanted.includes(route)) continue;
    const files = new Set(build.rootMainFiles);
    for (const chunks of Object.values(manifest.entryJSFiles)) for (const c of chunks) files.add(c);
    const bytes = [...files].reduce((sum, f) => sum + gz(f), 0);
    rows.push({ route, files: files.size, bytes });
  }
}
rows.sort((a, b) => a.route.localeCompare(b.route));
for (const row of rows)
  console.log(
    `${row.route.padEnd(16)} ${(row.bytes / 1024).toFixed(1).padStart(7)} kB gzip  (${row.files} files)`,
  );
