// The shared Inngest scenarios against the app's /api/inngest, driven as Inngest's executor
// drives it in production: the app's cloud-mode client and serve handler (the code behind
// apps/studio/app/api/inngest/route.ts), signed requests, `fnId`/`stepId` in the query and
// `ctx.fn_id` in the body, checkpointing off as in every mode.
import { scaledBackoff } from "@garment/inngest-runner";
import {
  createExecutorDriver,
  describeInngestScenarios,
  silentRunnerLogger,
} from "@garment/inngest-runner/testing";
import { createInngestClient } from "./inngest-client";
import { resolveInngestConnection } from "./inngest-connection";
import { createInngestServeHandler } from "./serve-endpoint";

const SIGNING_KEY = "signkey-test-5c3e0f6a9b1d2c4e7f8091a2b3c4d5e6";
const connection = resolveInngestConnection({
  signingKey: SIGNING_KEY,
  eventKey: "scenario-event-key",
});
const quiet = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };
const client = createInngestClient(connection, { outboundTimeoutMs: () => 1_000, logger: quiet });

describeInngestScenarios({
  name: "the app's /api/inngest (cloud mode, signed calls)",
  client,
  createRunner: (functions, options) =>
    createExecutorDriver({
      client,
      functions,
      endpoint: createInngestServeHandler(client, functions, connection),
      url: "https://studio.test/api/inngest",
      signingKey: SIGNING_KEY,
      pollIntervalMs: 10,
      backoff: scaledBackoff(1 / 1_000),
      logger: silentRunnerLogger,
      ...options,
    }).runner,
});
