// Runs once when the Next.js server starts: open the runtime (database, migrations, seed data,
// the embedded workflow runner) before the first request, and close it on shutdown.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` must never open (and lock) the embedded database.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startAppRuntime } = await import("@garment/server/runtime");
  await startAppRuntime();
}
