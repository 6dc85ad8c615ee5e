// Test machinery for users of the runner: the RunStore contract suite (run it against any
// store implementation), the shared Inngest scenario suite with its executor driver, and
// builders for runners in tests. Imports vitest.
export { aNewRun, describeRunStoreContract } from "./run-store-contract";
export { describeKeyedConcurrency } from "./keyed-concurrency";
export {
  describeInngestScenarios,
  type ScenarioRunnerOptions,
  type ScenarioTarget,
} from "./scenarios";
export {
  createExecutorDriver,
  type ExecutorDriverOptions,
  type InngestEndpoint,
  signedTransport,
  signInngestPayload,
  type SignedTransportOptions,
} from "./executor-driver";
export {
  createTestClient,
  createTestRunner,
  deferred,
  embeddedScenarioTarget,
  eventually,
  silentRunnerLogger,
} from "./test-kit";
