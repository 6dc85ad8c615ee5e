import type { AnyOperation } from "../operations/define";
import { operations } from "../operations/index";
import type { AppRuntime } from "../runtime/app-runtime";

/**
 * The body cap of a tRPC request: the batch cap when one of its procedures takes a large body
 * (`batches.create`), else the usual one. The procedures are named in the URL
 * (`/api/trpc/a.b,c.d`), so this is known before tRPC reads anything.
 */
export function bodyLimit(runtime: AppRuntime, procedures: readonly string[]): number {
  const large = procedures.some((name) => operationAt(name)?.largeBody === true);
  return large ? runtime.settings.maxBatchBodyBytes : runtime.settings.maxBodyBytes;
}

function operationAt(path: string): AnyOperation | undefined {
  let node: unknown = operations;
  for (const part of path.split(".")) {
    if (typeof node !== "object" || node === null || !(part in node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "object" && node !== null && "run" in node
    ? (node as AnyOperation)
    : undefined;
}

/** The procedures a tRPC request names in its path (`/api/trpc/a.b,c.d`): one per call. */
export function procedureNames(url: string, endpoint: string): string[] {
  const { pathname } = new URL(url);
  const path = pathname.slice(endpoint.length).replace(/^\//, "");
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape: tRPC answers it as an unknown procedure; count the raw names.
  }
  return decoded.split(",");
}
