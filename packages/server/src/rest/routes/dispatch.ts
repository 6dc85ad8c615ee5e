import { dispatchComplementaryGarment } from "../../services/dispatch/dispatch-complementary-garment";
import type { RestHandler } from "../endpoint";
import { json } from "../http";

/** POST /v1/complementary-garment-generator → 202 WorkflowAcceptedResponse. */
export const postComplementaryGarmentGenerator: RestHandler = async (call) => {
  const caller = await call.authenticate();
  const body = await call.readJson();
  const { response, replayed } = await dispatchComplementaryGarment(
    {
      ...call.runtime,
      isImageModelAvailable: (id) => call.runtime.imageModels.isAvailable(id),
      defaultImageModelId: call.runtime.imageModels.defaultModelId,
    },
    {
      requestId: call.requestId,
      caller,
      transport: "rest",
      method: call.request.method,
      path: call.url.pathname,
      idempotencyKey: call.request.headers.get("idempotency-key"),
    },
    body,
  );
  if (!replayed) call.creditsMoved = -response.credits_cost;
  return json(response, 202, {
    location: `/v1/jobs/${response.job_id}`,
    ...(replayed ? { "idempotent-replayed": "true" } : {}),
  });
};
