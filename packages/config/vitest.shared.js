// PGlite takes seconds to initialise (feasibility E8), so the defaults are generous.
export const sharedTestOptions = {
  testTimeout: 30_000,
  hookTimeout: 120_000,
  pool: "forks",
};
