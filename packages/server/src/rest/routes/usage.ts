import { UsageQuery } from "@garment/schemas";
import { listUsage } from "../../services/usage/list-usage";
import type { RestHandler } from "../endpoint";
import { json } from "../http";
import { parseQuery } from "../query";

/** GET /v1/usage?limit=&offset= → the caller's request log, newest first. */
export const getUsage: RestHandler = async (call) => {
  const caller = await call.authenticate();
  return json(await listUsage(call.runtime.db, caller, parseQuery(call.url, UsageQuery)));
};
