// Test machinery for users of the runner: the RunStore contract suite (run it against any
// store implementation) and builders for runners in tests. Imports vitest.
export { aNewRun, describeRunStoreContract } from "./run-store-contract";
export {
  createTestClient,
  createTestRunner,
  deferred,
  eventually,
  silentRunnerLogger,
} from "./test-kit";
