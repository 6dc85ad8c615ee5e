export declare const sharedTestOptions: {
  testTimeout: number;
  hookTimeout: number;
  pool: "forks";
};
