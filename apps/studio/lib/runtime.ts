import { getAppRuntime } from "@garment/server/runtime";

/** The process's runtime, opened on first use (never at import: `next build` evaluates routes). */
export const runtime = () => getAppRuntime();
