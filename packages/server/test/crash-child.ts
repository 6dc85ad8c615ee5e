// Child process for the crash test: runs the app's runtime on a PGlite folder, dispatches one
// job whose render hangs, reports when the render has started, then waits to be SIGKILLed.
import { openDatabase } from "@garment/db";
import { callApi, validSpec } from "./harness";
import { createWorkflowTestRuntime, ScriptedModel } from "./workflow-harness";
import { createClient } from "../src/services/clients/create-client";

const dataDir = process.argv[2] ?? "";
const runtime = await createWorkflowTestRuntime("pglite", {
  database: await openDatabase({ dataDir }),
  leaseMs: 1_000,
  models: (builtin) => [new ScriptedModel("slow", builtin, 0)],
});
const slow = runtime.models.get("slow");
slow?.hold();
const client = await createClient(runtime.db, { name: "Crash", credits: 50 });
const accepted = await callApi(runtime, "POST", "/v1/complementary-garment-generator", {
  key: client.api_key,
  body: validSpec({ image_model: "slow", resolution: "0.5K" }),
});
await slow?.entered;
process.stdout.write(
  `${JSON.stringify({ jobId: accepted.body.job_id, clientId: client.client_id, key: client.api_key })}\n`,
);
await new Promise(() => {});
