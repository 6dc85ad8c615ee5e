import { requireCapability } from "../../auth/authenticate";
import { listOperations } from "../../services/reference/list-operations";
import type { RestHandler } from "../endpoint";
import { json } from "../http";

/** GET /v1/operations → priced operations, so clients never hard-code costs. */
export const getOperations: RestHandler = async (call) => {
  requireCapability(await call.authenticate(), "jobs:read");
  return json(await listOperations(call.runtime.reference));
};
