import { UsageQuery } from "@garment/schemas";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
} from "../../services/webhooks/endpoints";
import type { RestHandler } from "../endpoint";
import { json } from "../http";
import { parseQuery } from "../query";

/** POST /v1/webhooks/endpoints → 201 with the signing secret (shown once). */
export const postWebhookEndpoint: RestHandler = async (call) => {
  const caller = await call.authenticate();
  const created = await createWebhookEndpoint(
    call.runtime.db,
    call.runtime.settings,
    caller,
    await call.readJson(),
  );
  return json(created, 201, { location: `/v1/webhooks/endpoints/${created.public_id}` });
};

/** GET /v1/webhooks/endpoints */
export const getWebhookEndpoints: RestHandler = async (call) =>
  json(await listWebhookEndpoints(call.runtime.db, await call.authenticate()));

/** DELETE /v1/webhooks/endpoints/{public_id} */
export const deleteWebhookEndpointRoute: RestHandler = async (call) =>
  json(
    await deleteWebhookEndpoint(call.runtime.db, await call.authenticate(), call.params.id ?? ""),
  );

/** GET /v1/webhooks/endpoints/{public_id}/deliveries?limit=&offset= — the delivery log. */
export const getWebhookDeliveries: RestHandler = async (call) =>
  json(
    await listWebhookDeliveries(
      call.runtime.db,
      await call.authenticate(),
      call.params.id ?? "",
      parseQuery(call.url, UsageQuery),
    ),
  );
