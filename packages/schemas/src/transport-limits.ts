/**
 * Most procedure calls one tRPC HTTP request may batch (`/api/trpc/a,b,c?batch=1`). The server
 * refuses a larger batch with 413 before any call runs; the Studio's client splits its batches
 * at this size (httpBatchLink's `maxItems`), so it never meets the refusal.
 */
export const MAX_TRPC_BATCH_CALLS = 25;
